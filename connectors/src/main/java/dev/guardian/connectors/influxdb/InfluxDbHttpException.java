package dev.guardian.connectors.influxdb;

import java.io.IOException;

/** InfluxDB answered a write with an error status. */
public class InfluxDbHttpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public InfluxDbHttpException(int status, String message) {
        super("InfluxDB answered HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 429 (rate limited) and 5xx (overloaded, restarting) are worth retrying. */
    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }
}
