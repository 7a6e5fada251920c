package dev.guardian.billing.detect;

/** Evidence keys of a cost anomaly, shared by the detector and the table row. */
public final class CostAnomalies {

    private CostAnomalies() {}

    public static final String EXCESS = "excess";
    public static final String PARTIAL_HOUR = "partialHour";
    public static final String CAUSE_DIMENSION = "rootCause.dimension";
    public static final String CAUSE_VALUE = "rootCause.value";
    public static final String CAUSE_AMOUNT = "rootCause.amount";
}
