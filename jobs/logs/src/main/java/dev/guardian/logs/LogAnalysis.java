package dev.guardian.logs;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.logs.anomaly.ErrorSpikeDetector;
import dev.guardian.logs.anomaly.LogAnomalySettings;
import dev.guardian.logs.anomaly.NovelTemplateDetector;
import dev.guardian.logs.anomaly.ServiceResumed;
import dev.guardian.logs.anomaly.SilentServiceDetector;
import dev.guardian.logs.anomaly.TemplateFrequencyDetector;
import dev.guardian.logs.redact.RedactLogRecords;
import dev.guardian.logs.template.CountTemplateLines;
import dev.guardian.logs.template.EmitTemplateCount;
import dev.guardian.logs.template.MineTemplates;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.schemas.Anomaly;
import java.time.Duration;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The analysis part of the logs job, after decoding and event time: redact → mine templates per
 * service → template counts per minute and the four anomaly rules. Wiring only: no I/O, so the same
 * dataflow runs in the job and in tests.
 */
public final class LogAnalysis {

    /** Service name: the key of mining and of the per-service rules. */
    public static final KeySelector<LogRecord, String> SERVICE = r -> r.service;

    private LogAnalysis() {}

    /**
     * What the analysis hands on besides its sinks: the anomalies and the services back from
     * silence.
     */
    public record Outputs(DataStream<Anomaly> anomalies, DataStream<ServiceResumed> resumed) {}

    public static Outputs define(
            Configuration conf, DataStream<LogRecord> input, LogAnalysisSinks sinks) {
        DataStream<LogRecord> redacted =
                input.map(new RedactLogRecords(LogsJobOptions.redactor(conf)))
                        .name("Redact secrets")
                        .uid("logs-redact");

        SingleOutputStreamOperator<LogRecord> mined =
                redacted.keyBy(SERVICE)
                        .process(
                                new MineTemplates(
                                        LogsJobOptions.minerConfig(conf),
                                        conf.get(LogsJobOptions.TEMPLATE_STATE_FLUSH).toMillis()))
                        .name("Mine templates")
                        .uid("logs-mine-templates");
        sinks.records(mined);
        sinks.templates(mined.getSideOutput(MineTemplates.TEMPLATE_EVENTS));

        DataStream<TemplateCount> counts =
                mined.keyBy(TemplateCount.KEY)
                        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                        .aggregate(new CountTemplateLines(), new EmitTemplateCount())
                        .name("Template lines per minute")
                        .uid("logs-template-counts-1m");
        sinks.templateCounts(counts);

        LogAnomalySettings settings = LogsJobOptions.anomalySettings(conf);
        AvroRecordTypeInfo<Anomaly> anomalyType = AvroRecordTypeInfo.forRecord(Anomaly.class);
        DataStream<Anomaly> novel =
                mined.keyBy(SERVICE)
                        .process(new NovelTemplateDetector(settings), anomalyType)
                        .name("New templates at WARN+")
                        .uid("logs-novel-template");
        DataStream<Anomaly> errorSpikes =
                mined.keyBy(SERVICE)
                        .process(new ErrorSpikeDetector(settings), anomalyType)
                        .name("Error spikes per service")
                        .uid("logs-error-spike");
        DataStream<Anomaly> frequency =
                mined.keyBy(TemplateFrequencyDetector.KEY)
                        .process(new TemplateFrequencyDetector(settings), anomalyType)
                        .name("Template frequency departures")
                        .uid("logs-template-frequency");
        SingleOutputStreamOperator<Anomaly> silent =
                mined.keyBy(SERVICE)
                        .process(new SilentServiceDetector(settings), anomalyType)
                        .name("Silent services")
                        .uid("logs-silent-service");
        DataStream<Anomaly> anomalies = novel.union(errorSpikes, frequency, silent);
        sinks.anomalies(anomalies);
        return new Outputs(anomalies, silent.getSideOutput(SilentServiceDetector.RESUMED));
    }
}
