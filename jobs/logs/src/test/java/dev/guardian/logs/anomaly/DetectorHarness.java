package dev.guardian.logs.anomaly;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.logs.LogRecord;
import dev.guardian.schemas.Anomaly;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** A keyed operator harness around one log anomaly rule, fed minute by minute. */
final class DetectorHarness implements AutoCloseable {

    static final long MINUTE = MinuteBuckets.MINUTE;

    /** 2026-01-05T00:00:00Z: minute 0 of every test. */
    static final long T0 = 1_767_571_200_000L;

    final KeyedOneInputStreamOperatorTestHarness<String, LogRecord, Anomaly> harness;

    DetectorHarness(
            KeyedProcessFunction<String, LogRecord, Anomaly> function,
            KeySelector<LogRecord, String> key)
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), key, Types.STRING);
        harness.setup(AvroRecordTypeInfo.forRecord(Anomaly.class).createSerializer(null));
        harness.open();
    }

    static DetectorHarness byService(KeyedProcessFunction<String, LogRecord, Anomaly> function)
            throws Exception {
        return new DetectorHarness(function, r -> r.service);
    }

    static long minute(int n) {
        return T0 + n * MINUTE;
    }

    static LogRecord line(String service, long time, String severity, String template) {
        LogRecord r = LogRecord.of(service, time, severity, template + " at " + time);
        r.templateId = Integer.toHexString(template.hashCode());
        r.template = template;
        return r;
    }

    void add(LogRecord record) throws Exception {
        harness.processElement(new StreamRecord<>(record, record.timestampMillis));
    }

    /** {@code count} lines spread evenly over minute {@code n}. */
    void lines(int n, int count, String service, String severity, String template)
            throws Exception {
        for (int i = 0; i < count; i++) {
            add(line(service, minute(n) + i * (MINUTE / Math.max(count, 1)), severity, template));
        }
    }

    /** Event time has passed the end of minute {@code n}. */
    void endOfMinute(int n) throws Exception {
        harness.processWatermark(new Watermark(minute(n + 1) - 1));
    }

    List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
