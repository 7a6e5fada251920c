package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.Client;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.retry.DeliveryException;
import dev.guardian.connectors.retry.RetryPolicy;
import dev.guardian.connectors.testing.FailOnce;
import dev.guardian.connectors.testing.LocalServices;
import dev.guardian.connectors.testing.Reading;
import dev.guardian.connectors.testing.ReadingConverters;
import dev.guardian.connectors.testing.ReadingJobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ClickHouse sinks against the local ClickHouse (infra/local), each test in its own database.
 */
class ClickHouseSinkIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private final String database = LocalServices.randomName("it_connectors");
    private final String table = database + ".readings";
    private Client admin;

    @BeforeEach
    void createTable() throws Exception {
        LocalServices.requireUp("ClickHouse", LocalServices.clickHouseUrl());
        admin = ClickHouseConnection.of(LocalServices.clickHouseUrl()).open();
        execute("CREATE DATABASE " + database);
        execute(
                "CREATE TABLE "
                        + table
                        + " (id UInt64, series String, ts DateTime64(3, 'UTC'), value Float64)"
                        + " ENGINE = ReplacingMergeTree ORDER BY (series, id)"
                        + " SETTINGS non_replicated_deduplication_window = 1000");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (admin != null) {
            execute("DROP DATABASE IF EXISTS " + database);
            admin.close();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DeliveryGuarantee.class,
            names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void aJobRunTwiceOverTheSameInputCountsEachRowOnce(DeliveryGuarantee guarantee)
            throws Exception {
        var sink =
                ClickHouseSink.<Reading>builder()
                        .setUrl(LocalServices.clickHouseUrl())
                        .setTable(table)
                        .setConverter(new ReadingConverters.Row())
                        .setDeliveryGuarantee(guarantee)
                        .setMaxBatchSize(50)
                        .setFlushInterval(Duration.ofMillis(100))
                        .build();

        ReadingJobs.run(sink, 300, 600);
        assertThat(count("SELECT count() FROM " + table + " FINAL")).isEqualTo(300);
        ReadingJobs.run(sink, 300, 600);

        assertThat(count("SELECT count() FROM " + table + " FINAL")).isEqualTo(300);
        assertThat(count("SELECT uniqExact(id) FROM " + table)).isEqualTo(300);
        assertThat(count("SELECT toUnixTimestamp64Milli(ts) FROM " + table + " FINAL WHERE id = 7"))
                .isEqualTo(Reading.nth(7).time().toEpochMilli());
    }

    @Test
    void exactlyOnceCommitsEachCheckpointsRowsOnce() throws Exception {
        var sink =
                ClickHouseSink.<Reading>builder()
                        .setUrl(LocalServices.clickHouseUrl())
                        .setTable(table)
                        .setConverter(new ReadingConverters.Row())
                        .setDedupTokenPrefix("it.exactly_once")
                        .setMaxBatchSize(40)
                        .build();

        ReadingJobs.run(sink, 400, 400);

        // no FINAL: not one row was inserted twice
        assertThat(count("SELECT count() FROM " + table)).isEqualTo(400);
    }

    @Test
    void exactlyOnceSurvivesAFailureAfterACheckpointWithoutDuplicates() throws Exception {
        FailOnce.reset();
        var sink =
                ClickHouseSink.<Reading>builder()
                        .setUrl(LocalServices.clickHouseUrl())
                        .setTable(table)
                        .setConverter(new ReadingConverters.Row())
                        .setDedupTokenPrefix("it.failover")
                        .setMaxBatchSize(40)
                        .build();

        ReadingJobs.runFailingOnce(sink, 600, 300, 300);

        assertThat(FailOnce.failed()).isTrue();
        // no FINAL: rows of the failed attempt's open checkpoint were never committed
        assertThat(count("SELECT count() FROM " + table)).isEqualTo(600);
        assertThat(count("SELECT uniqExact(id) FROM " + table)).isEqualTo(600);
    }

    @Test
    void reCommittingTheSameCommittableDoesNotDoubleCount() throws Exception {
        ExactlyOnceClickHouseWriter<Reading> writer =
                new ExactlyOnceClickHouseWriter<>(
                        new ReadingConverters.Row(), "it.recommit", "run", 0, 0, 1000);
        for (long n = 0; n < 25; n++) {
            writer.write(Reading.nth(n), null);
        }
        ClickHouseCommittable committable = writer.prepareCommit().iterator().next();
        SinkMetrics metrics = SinkMetrics.unregistered();
        try (ClickHouseCommitter committer = committer(LocalServices.clickHouseUrl(), metrics)) {
            committer.commitOne(committable);
            // a restore re-commits what the last checkpoint held, byte for byte
            ClickHouseCommittable restored =
                    new ClickHouseCommittableSerializer()
                            .deserialize(
                                    1,
                                    new ClickHouseCommittableSerializer().serialize(committable));
            committer.commitOne(restored);
            assertThat(count("SELECT count() FROM " + table)).isEqualTo(25);

            // the same rows under another token are a new block: the token is what dedups
            committer.commitOne(
                    new ClickHouseCommittable("it.recommit-other", 25, committable.body()));
            assertThat(count("SELECT count() FROM " + table)).isEqualTo(50);
            assertThat(count("SELECT count() FROM " + table + " FINAL")).isEqualTo(25);
        }
        assertThat(metrics.recordsSent()).isEqualTo(75);
    }

    @Test
    void aRefusedConnectionFailsClearlyAfterBoundedRetries() {
        SinkMetrics metrics = SinkMetrics.unregistered();
        ClickHouseCommittable committable =
                new ClickHouseCommittable(
                        "it.refused-0",
                        1,
                        JsonEachRow.encode(new ReadingConverters.Row().toRow(Reading.nth(1))));
        long start = System.nanoTime();

        assertThatThrownBy(
                        () -> {
                            try (ClickHouseCommitter committer =
                                    committer(LocalServices.refusedUrl(), metrics)) {
                                committer.commitOne(committable);
                            }
                        })
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("ClickHouse")
                .hasMessageContaining("after 3 attempts");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(metrics.retries()).isEqualTo(2);
        assertThat(metrics.failures()).isEqualTo(1);
    }

    @Test
    void aRowTheTableCannotTakeIsNotRetried() throws Exception {
        SinkMetrics metrics = SinkMetrics.unregistered();
        byte[] bad = "{\"id\":\"not a number\",\"series\":\"s\",\"ts\":1,\"value\":1}\n".getBytes();
        try (ClickHouseCommitter committer = committer(LocalServices.clickHouseUrl(), metrics)) {
            assertThatThrownBy(
                            () ->
                                    committer.commitOne(
                                            new ClickHouseCommittable("it.bad-0", 1, bad)))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessageContaining("not retryable");
        }
        assertThat(metrics.retries()).isZero();
    }

    private ClickHouseCommitter committer(String url, SinkMetrics metrics) {
        ClickHouseConnection connection =
                ClickHouseConnection.of(url)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20));
        return new ClickHouseCommitter(
                new ClickHouseInserter(connection, ClickHouseTableName.parse(table, "default")),
                RetryPolicy.of(2, Duration.ofMillis(100), Duration.ofMillis(200)),
                metrics);
    }

    private void execute(String sql) throws Exception {
        admin.execute(sql).get(60, TimeUnit.SECONDS).close();
    }

    private long count(String sql) {
        List<Long> values = new ArrayList<>();
        admin.queryAll(sql).forEach(r -> values.add(r.getLong(1)));
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
