package dev.guardian.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.ops.http.InfluxQueries;
import dev.guardian.ops.stack.Endpoints;
import dev.guardian.ops.stack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code guardian monitor} end to end: a checkpointing job on a Flink cluster's REST API, its
 * health written to the local stack's InfluxDB database {@code guardian} (job {@code
 * guardian-monitor-it}), where the pipeline-health dashboard's queries find it.
 */
class MonitorIT {

    static final String JOB = "guardian-monitor-it";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    /** Slow enough to run through several samples. */
    static final class Slowly implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(2);
            return value;
        }
    }

    @Test
    void samplesARunningJobIntoInfluxDb(@InjectClusterClient ClusterClient<?> client)
            throws Exception {
        Endpoints stack = LocalStack.shared(LocalStack.findRoot(Path.of(""))).endpoints();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1_000);
        env.fromSequence(1, 1_000_000)
                .name("Sequence")
                .map(new Slowly())
                .name("slow map")
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        JobClient job = env.executeAsync(JOB);
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            MonitorCommand.monitor(
                    new MonitorCommand.Settings(
                            client.getWebInterfaceURL(),
                            stack.kafkaBootstrap(),
                            stack.influxdbUrl(),
                            "guardian",
                            Duration.ofSeconds(3),
                            4,
                            10_000,
                            Duration.ofMinutes(1),
                            Duration.ofMinutes(5),
                            MonitorCommand.ALERTS_TOPIC,
                            false),
                    new PrintStream(text, true, StandardCharsets.UTF_8));
            String printed = text.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(JOB).contains("RUNNING");

            InfluxQueries influx = new InfluxQueries(stack.influxdbUrl());
            String where =
                    " FROM \"guardian_pipeline\" WHERE \"job\" = '"
                            + JOB
                            + "' AND \"source\" = 'monitor' AND time > now() - 5m";
            assertThat(
                            influx.number(
                                    "guardian",
                                    "SELECT max(\"value\")"
                                            + where
                                            + " AND \"metric\" = 'records_in'"))
                    .as("records read, as sampled\n" + printed)
                    .isPositive();
            assertThat(
                            influx.number(
                                    "guardian",
                                    "SELECT max(\"value\")"
                                            + where
                                            + " AND \"metric\" = 'checkpoints_completed'"))
                    .as("completed checkpoints\n" + printed)
                    .isPositive();
        } finally {
            job.cancel().get();
        }
    }
}
