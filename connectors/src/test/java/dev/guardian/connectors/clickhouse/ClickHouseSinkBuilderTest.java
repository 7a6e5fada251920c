package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class ClickHouseSinkBuilderTest {

    private static final ClickHouseRowConverter<String> ROW = s -> Map.of("s", s);

    @Test
    void buildsTheSinkOfTheRequestedGuarantee() {
        assertThat(ClickHouseSink.<String>builder().setTable("t").setConverter(ROW).build())
                .isInstanceOf(ExactlyOnceClickHouseSink.class);
        assertThat(
                        ClickHouseSink.<String>builder()
                                .setTable("t")
                                .setConverter(ROW)
                                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                .build())
                .isInstanceOf(ClickHouseSink.class);
    }

    @Test
    void readsTypedOptionsUnderItsPrefix() {
        Configuration config = new Configuration();
        config.set(ClickHouseOptions.URL, "http://ch:8123");
        config.set(ClickHouseOptions.DATABASE, "analytics");
        config.set(ClickHouseOptions.DEDUP_TOKEN_PREFIX, "metrics.points");
        config.setString("clickhouse.batch.size", "250");
        config.setString("clickhouse.retry.max-retries", "2");
        config.setString("clickhouse.batch.flush-interval", "3 s");

        ClickHouseSinkSettings settings =
                ClickHouseSink.<String>builder()
                        .fromConfig(config)
                        .setTable("points")
                        .buildSettings();

        assertThat(settings.connection().url()).isEqualTo("http://ch:8123");
        assertThat(settings.table().toString()).isEqualTo("analytics.points");
        assertThat(settings.dedupTokenPrefix()).isEqualTo("metrics.points");
        assertThat(settings.batch().maxBatchSize()).isEqualTo(250);
        assertThat(settings.batch().flushInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.batch().retryPolicy().maxRetries()).isEqualTo(2);
    }

    @Test
    void defaultsTheTokenPrefixToTheTableAndValidates() {
        assertThat(
                        ClickHouseSink.<String>builder()
                                .setTable("g.t")
                                .buildSettings()
                                .dedupTokenPrefix())
                .isEqualTo("g.t");
        assertThatThrownBy(() -> ClickHouseSink.<String>builder().setTable("t").build())
                .hasMessageContaining("converter");
        assertThatThrownBy(() -> ClickHouseSink.<String>builder().setConverter(ROW).build())
                .hasMessageContaining("table");
        assertThatThrownBy(
                        () ->
                                ClickHouseSink.<String>builder()
                                        .setDeliveryGuarantee(DeliveryGuarantee.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                ClickHouseSink.<String>builder()
                                        .setTable("t")
                                        .setDedupTokenPrefix("has space")
                                        .buildSettings())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
