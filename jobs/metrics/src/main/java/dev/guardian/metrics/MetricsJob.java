package dev.guardian.metrics;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.metrics.anomaly.AnomalySettings;
import dev.guardian.metrics.anomaly.DetectSeriesAnomalies;
import dev.guardian.metrics.anomaly.DetectSeriesAnomaliesOperator;
import dev.guardian.metrics.filter.DropMetricsByName;
import dev.guardian.metrics.rollup.RollUpMinutes;
import dev.guardian.metrics.validate.DecodeMetricSamples;
import dev.guardian.schemas.Anomaly;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The metrics stream: {@code metrics.points} → decode and validate → raw points, one-minute rollups
 * per series, and per series an anomaly detector → anomalies, alerts and per-point scores; bad
 * records → dead letters. This class only wires steps; {@link MetricsJobMain} does the I/O. The
 * input must carry event timestamps and watermarks: the Kafka source stamps records with {@link
 * dev.guardian.metrics.validate.MetricEventTime} and {@link
 * dev.guardian.common.kafka.RawRecordWatermarks}.
 */
public final class MetricsJob {

    public static final String NAME = "guardian-metrics";

    private MetricsJob() {}

    /**
     * Execution settings the job relies on, shared by {@link MetricsJobMain} and the benchmark so
     * that what is measured is what runs.
     */
    public static void configure(StreamExecutionEnvironment env, Configuration conf) {
        env.enableCheckpointing(
                conf.get(MetricsJobOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        // Steps never keep or modify a record after emitting it, so chained operators can pass
        // objects without the defensive copy (a third of the per-record cost in profiles).
        env.getConfig().enableObjectReuse();
    }

    public static void defineWorkflow(
            Configuration conf, DataStream<RawRecord> input, MetricsSinks sinks) {
        DataStream<MetricSample> samples = decodeAndRollUp(conf, input, sinks);
        detectAnomalies(conf, samples, sinks);
    }

    /**
     * Decode, validate, raw points and one-minute rollups: the job without anomaly detection, which
     * the benchmark also measures alone. Returns the valid samples.
     */
    public static DataStream<MetricSample> decodeAndRollUp(
            Configuration conf, DataStream<RawRecord> input, MetricsSinks sinks) {
        SingleOutputStreamOperator<MetricSample> decoded =
                input.process(new DecodeMetricSamples(conf))
                        .name("Decode and validate metric points")
                        .uid("metrics-decode");
        sinks.deadLetters(decoded.getSideOutput(DeadLetters.tag()));

        // event time and watermarks come from the source, per Kafka partition (MetricsJobMain)
        DataStream<MetricSample> samples = decoded;
        String dropped = conf.get(MetricsJobOptions.DROP_METRICS);
        if (!dropped.isEmpty()) {
            // only when configured: the operator has no state, so adding or removing it keeps
            // every savepoint restorable (guardian upgrade)
            samples =
                    decoded.filter(new DropMetricsByName(dropped))
                            .name("Drop metrics by name")
                            .uid("metrics-drop-by-name");
        }
        sinks.points(samples);

        DataStream<MetricRollup> rollups =
                samples.keyBy(new SeriesIdSelector())
                        .transform(
                                "One-minute rollups",
                                TypeInformation.of(MetricRollup.class),
                                new RollUpMinutes(conf.get(MetricsJobOptions.ALLOWED_LATENESS)))
                        .name("One-minute rollups")
                        // not the window's "metrics-rollup-1m": its state has another shape, so
                        // a savepoint from before is refused rather than its open minutes lost
                        .uid("metrics-rollup-minutes");
        sinks.rollups(rollups);
        return samples;
    }

    private static void detectAnomalies(
            Configuration conf, DataStream<MetricSample> samples, MetricsSinks sinks) {
        SingleOutputStreamOperator<Anomaly> anomalies =
                samples.keyBy(new SeriesIdSelector())
                        .transform(
                                "Series anomaly detection",
                                AvroRecordTypeInfo.forRecord(Anomaly.class),
                                new DetectSeriesAnomaliesOperator(AnomalySettings.from(conf)))
                        .name("Series anomaly detection")
                        .uid("metrics-anomalies");
        sinks.anomalies(anomalies);
        sinks.alerts(anomalies.getSideOutput(DetectSeriesAnomalies.ALERTS));
        sinks.anomalyScores(anomalies.getSideOutput(DetectSeriesAnomalies.SCORES));
    }
}
