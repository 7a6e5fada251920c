package dev.guardian.billing.detect;

/** The spend of one key in an hour not yet closed, with its breakdown. A Flink POJO. */
public class OpenHour {

    public double total;
    public Breakdown breakdown = new Breakdown();

    /** An anomaly was already raised for this hour (while it was still open). */
    public boolean flagged;

    /** Latest end of a charge period seen in the hour: the data time of its lines. */
    public long dataTime;

    public OpenHour() {}
}
