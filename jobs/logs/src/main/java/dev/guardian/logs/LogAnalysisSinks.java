package dev.guardian.logs;

import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Anomaly;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the results of {@link LogAnalysis} go; the job plugs in real sinks, tests collectors. */
public interface LogAnalysisSinks {

    /** Redacted log records with their template: the searchable logs. */
    void records(DataStream<LogRecord> records);

    /** Template creations and merges: the templates table. */
    void templates(DataStream<TemplateEvent> templates);

    /** Lines per template per minute. */
    void templateCounts(DataStream<TemplateCount> counts);

    void anomalies(DataStream<Anomaly> anomalies);
}
