package dev.guardian.ops.stack;

import java.util.Locale;

/** A service of the local stack, by the name {@code infra/local/stack} uses for it. */
public enum Service {
    KAFKA,
    ELASTICSEARCH,
    CLICKHOUSE,
    INFLUXDB,
    JOBMANAGER,
    TASKMANAGER;

    /** The name the stack script takes, e.g. {@code clickhouse}. */
    public String stackName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
