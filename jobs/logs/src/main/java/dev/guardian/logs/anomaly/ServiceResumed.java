package dev.guardian.logs.anomaly;

/**
 * A service reported silent by {@link SilentServiceDetector} logged again: the end of that
 * incident. A Flink POJO.
 */
public class ServiceResumed {

    public String service;

    /** Event time of the first line after the silence. */
    public long timeMillis;

    /** Event time of the last line before it. */
    public long silentSinceMillis;

    public ServiceResumed() {}

    public ServiceResumed(String service, long timeMillis, long silentSinceMillis) {
        this.service = service;
        this.timeMillis = timeMillis;
        this.silentSinceMillis = silentSinceMillis;
    }

    @Override
    public String toString() {
        return service + " resumed at " + timeMillis + " after silence since " + silentSinceMillis;
    }
}
