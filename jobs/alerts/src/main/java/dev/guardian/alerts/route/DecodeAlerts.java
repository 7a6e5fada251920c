package dev.guardian.alerts.route;

import dev.guardian.alerts.AlertRouterJob;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes {@code guardian.alerts} records (Avro or JSON) and checks what the router relies on: a
 * fingerprint, a title, times. Anything else leaves through the dead-letter side output.
 */
public class DecodeAlerts extends ProcessFunction<RawRecord, AlertView> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode-alert";

    /** PagerDuty's summary limit; longer titles are cut, not refused. */
    static final int MAX_TITLE = 1024;

    static final int MAX_FINGERPRINT = 512;
    static final int MAX_RECORD_BYTES = 1024 * 1024;

    private final RecordCodec<Alert> codec = RecordCodec.of(Alert.class);
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();
    private transient Counter deadLetters;
    private transient Counter decoded;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("alertsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<AlertView> out) {
        long now = ctx.timerService().currentProcessingTime();
        try {
            out.collect(decode(record));
            decoded.inc();
        } catch (Exception | StackOverflowError e) {
            deadLetters.inc();
            ctx.output(deadLetterTag, DeadLetters.of(record, e, AlertRouterJob.NAME, STAGE, now));
        }
    }

    AlertView decode(RawRecord record) throws Exception {
        if (record.size() == 0) {
            throw new InvalidRecordException("record is empty");
        }
        if (record.size() > MAX_RECORD_BYTES) {
            throw new InvalidRecordException(
                    "record is " + record.size() + " bytes, more than " + MAX_RECORD_BYTES);
        }
        AlertView alert = AlertView.of(codec.decode(record.value));
        if (alert.fingerprint == null || alert.fingerprint.isBlank()) {
            throw new InvalidRecordException("alert has an empty fingerprint");
        }
        if (alert.fingerprint.length() > MAX_FINGERPRINT) {
            throw new InvalidRecordException(
                    "fingerprint is longer than " + MAX_FINGERPRINT + " characters");
        }
        if (alert.title == null || alert.title.isBlank()) {
            throw new InvalidRecordException("alert " + alert.fingerprint + " has no title");
        }
        if (alert.title.length() > MAX_TITLE) {
            alert.title = alert.title.substring(0, MAX_TITLE - 1) + "…";
        }
        if (alert.time <= 0) {
            throw new InvalidRecordException("alert " + alert.fingerprint + " has no time");
        }
        // NaN has no JSON form: Elasticsearch and ClickHouse would refuse the record.
        if (alert.value != null && !Double.isFinite(alert.value)) {
            alert.value = null;
        }
        if (alert.expected != null && !Double.isFinite(alert.expected)) {
            alert.expected = null;
        }
        if (alert.startsAt <= 0 || alert.startsAt > alert.time) {
            alert.startsAt = alert.time;
        }
        return alert;
    }
}
