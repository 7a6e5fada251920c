package dev.guardian.security.suppress;

/**
 * Repeats suppressed in the current window of one rule and group: how many, and the event time of
 * the latest. A Flink POJO (see its test).
 */
public class Repeats {

    public int count;
    public long lastMillis;

    public Repeats() {}

    public Repeats(int count, long lastMillis) {
        this.count = count;
        this.lastMillis = lastMillis;
    }

    Repeats plus(long timeMillis) {
        return new Repeats(count + 1, Math.max(lastMillis, timeMillis));
    }
}
