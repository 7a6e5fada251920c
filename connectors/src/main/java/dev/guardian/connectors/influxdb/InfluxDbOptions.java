package dev.guardian.connectors.influxdb;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Options of the InfluxDB 1.x sink, under {@code influxdb.}; batching and retries are the shared
 * {@link dev.guardian.connectors.common.SinkOptions} under the same prefix.
 */
public final class InfluxDbOptions {

    public static final String PREFIX = "influxdb.";

    public static final ConfigOption<String> URL =
            ConfigOptions.key("influxdb.url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:8086")
                    .withDescription("InfluxDB 1.x HTTP API, e.g. http://host:8086.");

    public static final ConfigOption<String> DATABASE =
            ConfigOptions.key("influxdb.database")
                    .stringType()
                    .defaultValue("guardian")
                    .withDescription("Database the points are written to.");

    public static final ConfigOption<String> RETENTION_POLICY =
            ConfigOptions.key("influxdb.retention-policy")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Retention policy; the database's default when unset.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("influxdb.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User for basic authentication; none when unset.");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("influxdb.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Password; from the environment or a secrets file. Never logged.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("influxdb.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Longest wait for one write request.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key("influxdb.connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Longest wait for a TCP connection.");

    private InfluxDbOptions() {}
}
