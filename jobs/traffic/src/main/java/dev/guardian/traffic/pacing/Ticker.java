package dev.guardian.traffic.pacing;

import java.util.concurrent.locks.LockSupport;

/** A monotonic clock that can wait; tests use a manual one. */
public interface Ticker {

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    Ticker SYSTEM =
            new Ticker() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleepNanos(long nanos) throws InterruptedException {
                    long until = System.nanoTime() + nanos;
                    for (long left = nanos; left > 0; left = until - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                        if (Thread.interrupted()) {
                            throw new InterruptedException();
                        }
                    }
                }
            };
}
