package dev.guardian.security.suppress;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.GuardianAvroTrust;
import dev.guardian.security.alert.DetectionAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Suppresses repeats of a rule for one group-by value (keyed by {@link SuppressionKey}) within a
 * window of event time, as SIEMs do against alert fatigue: the first detection goes out at once,
 * with its alert on {@link #ALERTS}; later ones until {@code window} after it are counted, not
 * sent. When the watermark closes the window, the first detection is sent again, same id, with
 * {@code suppressedRepeats} and {@code lastRepeatAt} in its fields, so the sinks that key by id
 * (Elasticsearch, ClickHouse) show how often it fired; then the state is cleared.
 *
 * <p>Windows follow the detections' own time, so a replay suppresses exactly as the live run did. A
 * detection at or after the end of a window whose timer has not fired yet (the watermark lags)
 * closes that window and opens the next.
 */
public class SuppressRepeats extends KeyedProcessFunction<String, Detection, Detection> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("security-alerts", AvroRecordTypeInfo.forRecord(Alert.class));

    public static final String SUPPRESSED_REPEATS = "suppressedRepeats";
    public static final String LAST_REPEAT_AT = "lastRepeatAt";

    private final long windowMillis;
    private final SuppressionKey key;
    private final DetectionAlerts alerts;

    private transient ValueState<Detection> first;
    private transient ValueState<Repeats> window;
    private transient Counter suppressed;

    public SuppressRepeats(Duration window, SuppressionKey key, DetectionAlerts alerts) {
        this.windowMillis = window.toMillis();
        this.key = key;
        this.alerts = alerts;
    }

    @Override
    public void open(OpenContext context) {
        // Detection.newBuilder(d) deep-copies the level enum through Avro's class allow list
        GuardianAvroTrust.install();
        first =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "suppression-first-detection",
                                        AvroRecordTypeInfo.forRecord(Detection.class)));
        // the name it had before the window's end was added to Repeats: a savepoint's repeats are
        // restored through the POJO schema evolution, with endMillis 0 (see openWindow)
        window =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "suppression-repeats", TypeInformation.of(Repeats.class)));
        suppressed = getRuntimeContext().getMetricGroup().counter("detectionsSuppressed");
    }

    @Override
    public void processElement(Detection d, Context ctx, Collector<Detection> out)
            throws Exception {
        long time = d.getTime().toEpochMilli();
        if (windowMillis <= 0) {
            emit(d, ctx, out);
            return;
        }
        Repeats open = openWindow();
        if (open != null) {
            if (time < open.endMillis) {
                window.update(open.plus(time));
                suppressed.inc();
                return;
            }
            close(open, out);
        }
        emit(d, ctx, out);
        first.update(d);
        window.update(new Repeats(time + windowMillis, 0, time));
        ctx.timerService().registerEventTimeTimer(time + windowMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        Repeats open = openWindow();
        // a timer of a window already closed by a later detection finds another window open
        if (open != null && open.endMillis == timestamp) {
            close(open, out);
        }
    }

    /**
     * The open window, or null. Windows written before their end was kept in {@link Repeats} (a
     * restored savepoint: endMillis 0, or no repeats state at all) take it from the kept detection,
     * as they did then; for windows written since, {@code first} is read only when none is open.
     */
    private Repeats openWindow() throws Exception {
        Repeats open = window.value();
        if (open != null && open.endMillis != 0) {
            return open;
        }
        Detection kept = first.value();
        if (kept == null) {
            return null;
        }
        long time = kept.getTime().toEpochMilli();
        return open == null
                ? new Repeats(time + windowMillis, 0, time)
                : new Repeats(time + windowMillis, open.count, open.lastMillis);
    }

    private void emit(Detection d, Context ctx, Collector<Detection> out) {
        out.collect(d);
        if (alerts.raises(d)) {
            ctx.output(ALERTS, alerts.firing(d, key.group(d)));
        }
    }

    private void close(Repeats open, Collector<Detection> out) throws Exception {
        if (open.count > 0) {
            out.collect(withRepeats(first.value(), open));
        }
        first.clear();
        window.clear();
    }

    static Detection withRepeats(Detection d, Repeats r) {
        Map<String, String> fields = new HashMap<>(d.getFields());
        fields.put(SUPPRESSED_REPEATS, Integer.toString(r.count));
        fields.put(LAST_REPEAT_AT, Instant.ofEpochMilli(r.lastMillis).toString());
        return Detection.newBuilder(d).setFields(fields).build();
    }
}
