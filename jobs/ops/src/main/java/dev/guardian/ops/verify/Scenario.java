package dev.guardian.ops.verify;

import dev.guardian.common.cli.UsageException;
import dev.guardian.ops.stack.Service;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What goes wrong during a verification run. */
public enum Scenario {
    /** The TaskManager is killed with SIGKILL at a random moment, then a new one is started. */
    TASKMANAGER_KILL(null, "TaskManager killed (kill -9) and replaced"),
    /** ClickHouse stopped for the outage duration, then started again. */
    CLICKHOUSE_OUTAGE(Service.CLICKHOUSE, "ClickHouse stopped"),
    /** Elasticsearch stopped for the outage duration (jobs that write to it). */
    ELASTICSEARCH_OUTAGE(Service.ELASTICSEARCH, "Elasticsearch stopped"),
    /** InfluxDB stopped for the outage duration (jobs that write to it). */
    INFLUXDB_OUTAGE(Service.INFLUXDB, "InfluxDB stopped"),
    /** The Kafka broker stopped and started again at once. */
    KAFKA_RESTART(Service.KAFKA, "Kafka broker restarted"),
    /** Random and mutated records mixed into the input; nothing is broken. */
    FUZZ(null, "random and mutated records in the input");

    private final Service service;
    private final String description;

    Scenario(Service service, String description) {
        this.service = service;
        this.description = description;
    }

    /** The name on the command line, e.g. {@code clickhouse-outage}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** The service the scenario stops, if any. */
    public Optional<Service> service() {
        return Optional.ofNullable(service);
    }

    /** Outages concern only jobs that write to the service; the rest concern every job. */
    public boolean appliesTo(java.util.Set<Service> sinks) {
        return this == KAFKA_RESTART || service == null || sinks.contains(service);
    }

    public boolean isOutage() {
        return service != null && this != KAFKA_RESTART;
    }

    public static Scenario named(String name) {
        for (Scenario s : values()) {
            if (s.cliName().equals(name)) {
                return s;
            }
        }
        throw new UsageException("unknown scenario '" + name + "'; scenarios: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "));
    }
}
