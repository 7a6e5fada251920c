package dev.guardian.logs.redact;

import dev.guardian.logs.LogRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Redacts the message and attribute values of every log record, first thing in the job, so no later
 * step, state or sink sees the secrets. Counts replacements per rule in the metric group {@code
 * redaction} ({@code redaction.<rule>}) and on the record; never logs what it removed.
 */
public class RedactLogRecords extends RichMapFunction<LogRecord, LogRecord> {

    private static final long serialVersionUID = 1L;

    private final LogRedactor redactor;
    private transient Counter[] counters;
    private transient int[] counts;

    public RedactLogRecords(LogRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("redaction");
        counters = new Counter[redactor.rules().size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = group.counter(redactor.rules().get(i).name());
        }
        counts = new int[counters.length];
    }

    @Override
    public LogRecord map(LogRecord record) {
        java.util.Arrays.fill(counts, 0);
        record.message = redactor.redact(record.message, counts);
        for (int i = 1; i < record.attributes.length; i += 2) {
            record.attributes[i] = redactor.redact(record.attributes[i], counts);
        }
        int total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                counters[i].inc(counts[i]);
                total += counts[i];
            }
        }
        record.redactions += total;
        return record;
    }
}
