package dev.guardian.alerts.config;

/**
 * A resolved secret (webhook URL, routing key, auth header). Lives only on the TaskManager, is
 * never serialized into the job graph, and prints as {@code ***} so it cannot reach a log by
 * accident.
 */
public final class Secret {

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    /** The secret itself, for the one place that must send it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}
