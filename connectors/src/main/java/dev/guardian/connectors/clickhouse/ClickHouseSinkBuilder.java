package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.common.BatchSettings;
import dev.guardian.connectors.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Builds a ClickHouse sink. {@code EXACTLY_ONCE} (the default) gives an {@link
 * ExactlyOnceClickHouseSink}, {@code AT_LEAST_ONCE} a {@link ClickHouseSink}.
 *
 * <pre>{@code
 * Sink<MetricPoint> sink = ClickHouseSink.<MetricPoint>builder()
 *         .setUrl("http://127.0.0.1:8123")
 *         .setTable("guardian.metric_points")
 *         .setConverter(new MetricPointRow())
 *         .setDedupTokenPrefix("metrics.points")
 *         .build();
 * }</pre>
 */
public final class ClickHouseSinkBuilder<IN> {

    private ClickHouseConnection connection =
            ClickHouseConnection.of(ClickHouseOptions.URL.defaultValue());
    private String database = ClickHouseOptions.DATABASE.defaultValue();
    private String table;
    private ClickHouseRowConverter<IN> converter;
    private DeliveryGuarantee deliveryGuarantee =
            ClickHouseOptions.DELIVERY_GUARANTEE.defaultValue();
    private String dedupTokenPrefix;
    private BatchSettings batch = BatchSettings.DEFAULT;

    ClickHouseSinkBuilder() {}

    /**
     * Takes every {@link ClickHouseOptions} option and the shared batch/retry options under {@code
     * clickhouse.} from the configuration; table and converter are still to be set.
     */
    public ClickHouseSinkBuilder<IN> fromConfig(Configuration config) {
        connection = ClickHouseConnection.fromConfig(config);
        database = config.get(ClickHouseOptions.DATABASE);
        deliveryGuarantee = config.get(ClickHouseOptions.DELIVERY_GUARANTEE);
        dedupTokenPrefix =
                config.getOptional(ClickHouseOptions.DEDUP_TOKEN_PREFIX).orElse(dedupTokenPrefix);
        batch =
                BatchSettings.fromConfig(
                        new DelegatingConfiguration(config, ClickHouseOptions.PREFIX));
        return this;
    }

    public ClickHouseSinkBuilder<IN> setUrl(String url) {
        connection =
                new ClickHouseConnection(
                        url,
                        ClickHouseOptions.USERNAME.defaultValue(),
                        ClickHouseOptions.PASSWORD.defaultValue(),
                        ClickHouseOptions.CONNECT_TIMEOUT.defaultValue(),
                        ClickHouseOptions.REQUEST_TIMEOUT.defaultValue());
        return this;
    }

    public ClickHouseSinkBuilder<IN> setConnection(ClickHouseConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        return this;
    }

    public ClickHouseSinkBuilder<IN> setCredentials(String username, String password) {
        connection = connection.withCredentials(username, password);
        return this;
    }

    /** Database of a table named without one; default {@code guardian}. */
    public ClickHouseSinkBuilder<IN> setDatabase(String database) {
        this.database = database;
        return this;
    }

    /** {@code table} or {@code database.table}. */
    public ClickHouseSinkBuilder<IN> setTable(String table) {
        this.table = table;
        return this;
    }

    public ClickHouseSinkBuilder<IN> setConverter(ClickHouseRowConverter<IN> converter) {
        this.converter = converter;
        return this;
    }

    public ClickHouseSinkBuilder<IN> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
        if (guarantee == DeliveryGuarantee.NONE) {
            throw new IllegalArgumentException(
                    "ClickHouse sinks offer AT_LEAST_ONCE or EXACTLY_ONCE, not NONE");
        }
        this.deliveryGuarantee = guarantee;
        return this;
    }

    /** Job-scoped prefix of the deduplication tokens; defaults to {@code database.table}. */
    public ClickHouseSinkBuilder<IN> setDedupTokenPrefix(String prefix) {
        this.dedupTokenPrefix = prefix;
        return this;
    }

    public ClickHouseSinkBuilder<IN> setBatchSettings(BatchSettings batch) {
        this.batch = Objects.requireNonNull(batch, "batch");
        return this;
    }

    public ClickHouseSinkBuilder<IN> setMaxBatchSize(int rows) {
        batch = batch.withMaxBatchSize(rows);
        return this;
    }

    public ClickHouseSinkBuilder<IN> setFlushInterval(Duration interval) {
        batch = batch.withFlushInterval(interval);
        return this;
    }

    public ClickHouseSinkBuilder<IN> setRetryPolicy(RetryPolicy policy) {
        batch = batch.withRetryPolicy(policy);
        return this;
    }

    /** The settings the sink will have; validates them. */
    public ClickHouseSinkSettings buildSettings() {
        if (table == null) {
            throw new IllegalStateException("ClickHouse sink needs a table (setTable)");
        }
        ClickHouseTableName name = ClickHouseTableName.parse(table, database);
        String prefix = dedupTokenPrefix != null ? dedupTokenPrefix : name.toString();
        return new ClickHouseSinkSettings(connection, name, deliveryGuarantee, prefix, batch);
    }

    public Sink<IN> build() {
        if (converter == null) {
            throw new IllegalStateException("ClickHouse sink needs a row converter (setConverter)");
        }
        ClickHouseSinkSettings settings = buildSettings();
        return deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE
                ? new ExactlyOnceClickHouseSink<>(settings, converter)
                : new ClickHouseSink<>(settings, converter);
    }
}
