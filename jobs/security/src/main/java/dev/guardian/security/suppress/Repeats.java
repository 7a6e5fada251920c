package dev.guardian.security.suppress;

/**
 * The open window of one rule and group: when it ends, how many repeats it suppressed and the event
 * time of the latest. Small, so that a repeat is judged without reading the detection kept for the
 * re-issue. A Flink POJO (see its test).
 */
public class Repeats {

    public long endMillis;
    public int count;
    public long lastMillis;

    public Repeats() {}

    public Repeats(long endMillis, int count, long lastMillis) {
        this.endMillis = endMillis;
        this.count = count;
        this.lastMillis = lastMillis;
    }

    Repeats plus(long timeMillis) {
        return new Repeats(endMillis, count + 1, Math.max(lastMillis, timeMillis));
    }
}
