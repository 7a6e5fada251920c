package dev.guardian.billing;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.testing.ClickHouseTestDatabase;
import dev.guardian.billing.testing.CollectingBillingSinks;
import dev.guardian.billing.testing.Inputs;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Forecast;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The billing workflow writing to the local ClickHouse (infra/local) through the production
 * ClickHouse sinks, in a database of its own: restatements replace, replays do not double count.
 */
class BillingClickHouseIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private ClickHouseTestDatabase database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = new ClickHouseTestDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** ClickHouse for tables; Kafka outputs collected (their own ITs cover Kafka). */
    static class ClickHouseOnly extends ProductionBillingSinks {
        private static final long serialVersionUID = 1L;
        final CollectingBillingSinks collected = new CollectingBillingSinks();

        ClickHouseOnly(Configuration conf) {
            super(conf);
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> stream) {
            collected.deadLetters(stream);
        }

        @Override
        public void forecasts(DataStream<Forecast> stream) {
            collected.forecasts(stream);
        }

        @Override
        public void anomalies(DataStream<Anomaly> stream) {
            collected.anomalies(stream);
        }

        @Override
        public void alerts(DataStream<Alert> stream) {
            collected.alerts(stream);
        }
    }

    private void run(List<RawRecord> input) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClickHouseOptions.URL, ClickHouseTestDatabase.URL);
        conf.set(ClickHouseOptions.DATABASE, database.name);
        Configuration cluster = new Configuration();
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        BillingJob.defineWorkflow(conf, Inputs.of(env, input, conf), new ClickHouseOnly(conf));
        env.execute("billing IT");
    }

    @Test
    void restatementsReplaceTheirLinesAndRollupsAndAReplayChangesNothing() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            input.add(line().hour(hour).resource("i-1").cost("1.10").tag("team", "web").raw(10));
            input.add(line().hour(hour).resource("i-2").cost("2.20").tag("team", "db").raw(10));
        }
        input.add(line().hour(1).resource("i-2").cost("3.30").tag("team", "db").raw(20));
        input.add(line().hour(0).resource("i-1").cost("1.10").tag("team", "web").raw(30));

        run(input);
        run(input);

        assertThat(
                        database.single(
                                "SELECT count() FROM " + database.name + ".billing_records FINAL"))
                .isEqualTo("6");
        assertThat(
                        database.single(
                                "SELECT sum(effective_cost) FROM "
                                        + database.name
                                        + ".billing_records FINAL"))
                .isEqualTo("11");
        assertThat(
                        database.query(
                                "SELECT formatDateTime(hour, '%H'), tag_set, effective_cost, lines"
                                        + " FROM "
                                        + database.name
                                        + ".billing_cost_hourly FINAL ORDER BY hour, tag_set"))
                .containsExactly(
                        "00\tteam=db\t2.2\t1",
                        "00\tteam=web\t1.1\t1",
                        "01\tteam=db\t3.3\t1",
                        "01\tteam=web\t1.1\t1",
                        "02\tteam=db\t2.2\t1",
                        "02\tteam=web\t1.1\t1");
        assertThat(
                        database.query(
                                "SELECT day, tag_set, effective_cost FROM "
                                        + database.name
                                        + ".billing_cost_daily FINAL ORDER BY tag_set"))
                .containsExactly("2026-01-05\tteam=db\t7.7", "2026-01-05\tteam=web\t3.3");
    }
}
