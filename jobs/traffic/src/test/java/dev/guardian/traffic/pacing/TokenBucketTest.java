package dev.guardian.traffic.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    /** A clock that only moves when someone sleeps or the test advances it. */
    private static final class ManualTicker implements Ticker {
        long now = 1_000_000_000L;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    @Test
    void holdsTheRateExactly() throws InterruptedException {
        ManualTicker ticker = new ManualTicker();
        long start = ticker.now;
        TokenBucket bucket = new TokenBucket(ticker, 3_000, 300);

        for (int i = 0; i < 30_001; i++) {
            bucket.acquire();
        }

        // Permit 30,000 is due exactly 10 s after the first.
        assertThat(ticker.now - start).isEqualTo(10_000_000_000L);
    }

    @Test
    void aLateCallerCatchesUpByOneBurstOnly() throws InterruptedException {
        ManualTicker ticker = new ManualTicker();
        TokenBucket bucket = new TokenBucket(ticker, 1_000, 100);
        bucket.acquire();

        ticker.now += 5_000_000_000L; // stalled for 5 s: 5,000 permits "owed"
        long before = ticker.slept;
        for (int i = 0; i < 100; i++) {
            bucket.acquire();
        }
        assertThat(ticker.slept).isEqualTo(before);

        bucket.acquire();
        bucket.acquire();
        assertThat(ticker.slept - before).isEqualTo(1_000_000L);
    }

    @Test
    void waitsRatherThanRunningAhead() throws InterruptedException {
        ManualTicker ticker = new ManualTicker();
        TokenBucket bucket = new TokenBucket(ticker, 4, 1);

        bucket.acquire();
        bucket.acquire();
        bucket.acquire();

        assertThat(ticker.slept).isEqualTo(500_000_000L);
    }
}
