package dev.guardian.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.metrics.anomaly.AnomalyScore;
import dev.guardian.metrics.validate.MetricEventTime;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole metrics workflow on a mini cluster, with bounded input and collecting sinks. */
class MetricsJobWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    /** Within the default seven-day window the validator accepts. */
    private static final Instant MINUTE_0 =
            Instant.now()
                    .minus(Duration.ofHours(1))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    static class Collecting implements MetricsSinks {
        final CollectingSink<MetricSample> points = new CollectingSink<>();
        final CollectingSink<MetricRollup> rollups = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        final CollectingSink<Anomaly> anomalies = new CollectingSink<>();
        final CollectingSink<Alert> alerts = new CollectingSink<>();
        final CollectingSink<AnomalyScore> scores = new CollectingSink<>();

        @Override
        public void points(DataStream<MetricSample> stream) {
            stream.sinkTo(points).name("points").uid("test-points");
        }

        @Override
        public void rollups(DataStream<MetricRollup> stream) {
            stream.sinkTo(rollups).name("rollups").uid("test-rollups");
        }

        @Override
        public void anomalies(DataStream<Anomaly> stream) {
            stream.sinkTo(anomalies).name("anomalies").uid("test-anomalies");
        }

        @Override
        public void alerts(DataStream<Alert> stream) {
            stream.sinkTo(alerts).name("alerts").uid("test-alerts");
        }

        @Override
        public void anomalyScores(DataStream<AnomalyScore> stream) {
            stream.sinkTo(scores).name("anomaly scores").uid("test-anomaly-scores");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> stream) {
            stream.sinkTo(deadLetters).name("dead letters").uid("test-dead-letters");
        }
    }

    /** Runs the job's workflow over the records, stamped as the Kafka source stamps them. */
    static Collecting run(List<RawRecord> input) throws Exception {
        return run(input, new Configuration());
    }

    static Collecting run(List<RawRecord> input, Configuration conf) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Collecting sinks = new Collecting();
        // the decoded outcome is not kept across the bounded source's serialisation, so the
        // decode step decodes again
        MetricEventTime eventTime = new MetricEventTime(conf);
        input.forEach(r -> r.eventTimestamp = eventTime.extract(r));
        input.forEach(r -> r.decoded = null);
        MetricsJob.defineWorkflow(
                conf,
                env.fromData(input, TypeInformation.of(RawRecord.class))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(
                                RawRecordWatermarks.strategy(
                                        Duration.ofSeconds(5), Duration.ofSeconds(30)))
                        .setParallelism(1),
                sinks);
        env.execute();
        return sinks;
    }

    static RawRecord json(String json) {
        return new RawRecord(json.getBytes(StandardCharsets.UTF_8), "metrics.points", 0, 0, 0);
    }

    static RawRecord point(String host, Instant at, double value) {
        return json(
                "{\"name\":\"cpu_utilization\",\"labels\":{\"host\":\""
                        + host
                        + "\",\"region\":\"eu-west-1\"},\"timestamp\":"
                        + at.toEpochMilli()
                        + ",\"value\":"
                        + value
                        + ",\"type\":\"GAUGE\"}");
    }

    @Test
    void droppedMetricsReachNoOutput() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant at = MINUTE_0.plusSeconds(i * 15L);
            input.add(point("a", at, i));
            input.add(
                    json(
                            "{\"name\":\"debug_queue_probe\",\"labels\":{},\"timestamp\":"
                                    + at.toEpochMilli()
                                    + ",\"value\":1}"));
        }
        Configuration conf = new Configuration();
        conf.set(MetricsJobOptions.DROP_METRICS, "debug_.*");

        Collecting sinks = run(input, conf);

        assertThat(sinks.points.received())
                .hasSize(4)
                .allMatch(p -> p.name.equals("cpu_utilization"));
        assertThat(sinks.scores.received()).hasSize(4);
        assertThat(sinks.rollups.received()).hasSize(1);
        assertThat(sinks.rollups.received().get(0).count).isEqualTo(4);
        assertThat(sinks.deadLetters.received()).isEmpty();
    }

    @Test
    void aDropPatternThatIsNoRegularExpressionIsAUsageError() {
        Configuration conf = new Configuration();
        conf.set(MetricsJobOptions.DROP_METRICS, "debug_(");
        assertThatThrownBy(() -> run(List.of(point("a", MINUTE_0, 1)), conf))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("guardian.metrics.drop-metrics")
                .hasMessageContaining("debug_(");
    }

    @Test
    void rollsUpEachSeriesPerMinuteAndDeadLettersBadRecords() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        // two series, three minutes, four points a minute
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 4; i++) {
                Instant at = MINUTE_0.plusSeconds(minute * 60L + i * 15L);
                input.add(point("a", at, minute * 10 + i));
                input.add(point("b", at, 100));
            }
        }
        input.add(
                json("{\"labels\":{},\"timestamp\":" + MINUTE_0.toEpochMilli() + ",\"value\":1}"));
        input.add(
                json(
                        "{\"name\":\"x\",\"timestamp\":"
                                + MINUTE_0.toEpochMilli()
                                + ",\"value\":\"NaN\"}"));
        input.add(new RawRecord(new byte[] {(byte) 0xc3, 0x01, 0x02}, "metrics.points", 1, 7, 0));

        Collecting sinks = run(input);

        assertThat(sinks.points.received()).hasSize(24);
        // too little history to judge: scored, never anomalous
        assertThat(sinks.scores.received()).hasSize(24);
        assertThat(sinks.anomalies.received()).isEmpty();
        assertThat(sinks.alerts.received()).isEmpty();
        List<MetricRollup> rollups = sinks.rollups.received();
        // the bounded input ends with a final watermark, so all three minutes close
        assertThat(rollups).hasSize(6);
        MetricRollup secondMinuteOfA =
                rollups.stream()
                        .filter(r -> r.series.contains("host=\"a\""))
                        .filter(r -> r.minuteStartMillis == MINUTE_0.plusSeconds(60).toEpochMilli())
                        .findFirst()
                        .orElseThrow();
        assertThat(secondMinuteOfA.count).isEqualTo(4);
        assertThat(secondMinuteOfA.min).isEqualTo(10);
        assertThat(secondMinuteOfA.max).isEqualTo(13);
        assertThat(secondMinuteOfA.sum).isEqualTo(46);
        assertThat(secondMinuteOfA.last).isEqualTo(13);
        assertThat(secondMinuteOfA.revision).isZero();
        assertThat(secondMinuteOfA.series)
                .isEqualTo("cpu_utilization{host=\"a\",region=\"eu-west-1\"}");

        List<DeadLetter> dead = sinks.deadLetters.received();
        assertThat(dead).hasSize(3);
        assertThat(dead.stream().map(DeadLetter::getErrorMessage).collect(Collectors.joining("\n")))
                .containsIgnoringCase("name")
                .containsIgnoringCase("NaN");
        assertThat(dead)
                .anySatisfy(
                        d -> {
                            assertThat(d.getPartition()).isEqualTo(1);
                            assertThat(d.getOffset()).isEqualTo(7);
                            assertThat(d.getOriginalBytes().remaining()).isEqualTo(3);
                        });
    }

    @Test
    void aSpikeAfterEnoughHistoryIsAnAnomalyWithAnAlertThatResolves() throws Exception {
        int history = DetectorConfig.DEFAULTS.warmupPoints() + 50;
        SplittableRandom random = new SplittableRandom(3);
        List<RawRecord> input = new ArrayList<>();
        Instant spikeAt = null;
        for (int i = 0; i < history + 40; i++) {
            Instant at = MINUTE_0.plusSeconds(5L * i);
            boolean spike = i == history;
            spikeAt = spike ? at : spikeAt;
            input.add(point("a", at, spike ? 0.99 : 0.4 + 0.02 * random.nextGaussian()));
            input.add(point("b", at, 0.4 + 0.02 * random.nextGaussian()));
        }

        Collecting sinks = run(input);

        assertThat(sinks.scores.received()).hasSize(input.size());
        assertThat(sinks.anomalies.received())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getEntity()).contains("host=\"a\"");
                            assertThat(a.getValue()).isEqualTo(0.99);
                        });
        Anomaly anomaly = sinks.anomalies.received().get(0);
        assertThat(anomaly.getTime()).isEqualTo(spikeAt);
        List<Alert> alerts = sinks.alerts.received();
        assertThat(alerts)
                .extracting(Alert::getStatus)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(alerts)
                .extracting(Alert::getFingerprint)
                .containsOnly(alerts.get(0).getFingerprint());
        assertThat(alerts).extracting(Alert::getOriginId).containsOnly(anomaly.getId());
    }
}
