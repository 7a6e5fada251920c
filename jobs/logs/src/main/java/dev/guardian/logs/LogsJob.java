package dev.guardian.logs;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.logs.alert.AnomalyFingerprint;
import dev.guardian.logs.alert.RaiseLogAlerts;
import dev.guardian.logs.alert.ResumedFingerprint;
import dev.guardian.logs.decode.DecodeLogRecords;
import dev.guardian.schemas.Alert;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The logs stream: {@code logs.events} (event time from the source, {@link #watermarks}) → decode
 * (Avro, JSON or raw text; repairs flagged, the rest dead-lettered) → line time → {@link
 * LogAnalysis} (redact, mine templates, counts, anomaly rules) → alerts. This class only wires
 * steps; {@link LogsJobMain} does the I/O.
 */
public final class LogsJob {

    public static final String NAME = "guardian-logs";

    private LogsJob() {}

    /**
     * Exactly-once checkpoints (the Kafka and ClickHouse outputs commit with them), and object
     * reuse between chained steps: no step keeps or changes a record after emitting it (mining
     * annotates the line before it emits it; state holds copies or immutable strings), so the
     * defensive copy of every line between chained operators is pure cost.
     */
    public static void configure(StreamExecutionEnvironment env, Configuration conf) {
        env.enableCheckpointing(
                conf.get(LogsJobOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().enableObjectReuse();
    }

    /**
     * The event time of {@code logs.events}, to set on the Kafka source ({@code fromSource}) so
     * that watermarks are tracked per partition; {@link #defineWorkflow} expects its input to carry
     * them.
     */
    public static WatermarkStrategy<RawRecord> watermarks(Configuration conf) {
        return LogRecordTimestamps.strategy(
                conf.get(LogsJobOptions.OUT_OF_ORDERNESS),
                conf.get(LogsJobOptions.IDLENESS),
                conf.get(LogsJobOptions.MAX_FUTURE_SKEW));
    }

    /** The dataflow; {@code input} carries the watermarks of {@link #watermarks}. */
    public static void defineWorkflow(
            Configuration conf, DataStream<RawRecord> input, LogsSinks sinks) {
        SingleOutputStreamOperator<LogRecord> decoded =
                input.process(new DecodeLogRecords(LogsJobOptions.decodeLimits(conf), NAME))
                        .name("Decode log lines")
                        .uid("logs-decode");
        sinks.deadLetters(decoded.getSideOutput(DeadLetters.tag()));

        DataStream<LogRecord> lines =
                decoded.transform(
                                "Line time",
                                TypeInformation.of(LogRecord.class),
                                new StampLineTime())
                        .uid("logs-line-time");

        LogAnalysis.Outputs analysis = LogAnalysis.define(conf, lines, sinks);

        DataStream<Alert> alerts =
                analysis.anomalies()
                        .keyBy(new AnomalyFingerprint())
                        .connect(analysis.resumed().keyBy(new ResumedFingerprint()))
                        .process(
                                new RaiseLogAlerts(
                                        conf.get(LogsJobOptions.ALERT_RESOLVE_AFTER),
                                        conf.get(LogsJobOptions.IDLE_STATE),
                                        conf.get(LogsJobOptions.SEARCH_URL)),
                                AvroRecordTypeInfo.forRecord(Alert.class))
                        .name("Raise alerts")
                        .uid("logs-alerts");
        sinks.alerts(alerts);
    }
}
