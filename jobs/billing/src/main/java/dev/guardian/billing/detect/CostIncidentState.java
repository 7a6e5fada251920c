package dev.guardian.billing.detect;

/** An open cost incident of a key: firing since {@code startHour}. A Flink POJO. */
public class CostIncidentState {

    public long startHour;
    public String fingerprint;
    public String lastAnomalyId;
    public String title;
    public int normalHours;
    public double peakExcess;

    /**
     * The forecast made before the incident began: its hours are judged against it, so a forecaster
     * adapting to the new level cannot end the incident while spend stays high.
     */
    public StoredForecast reference;

    public CostIncidentState() {}
}
