package dev.guardian.logs.alert;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.logs.anomaly.ServiceResumed;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.Anomaly;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by alert fingerprint ({@link LogAlerts#fingerprint}): log anomalies become alert state
 * changes for {@code guardian.alerts}. The first anomaly of an incident fires; a later one fires
 * again only when it is more severe (the router notifies on escalation); the incident resolves
 * after {@code resolveAfter} of event time without a new anomaly, or, for a silent service, when
 * the service logs again ({@link ServiceResumed}; a service that never comes back resolves after
 * {@code silenceGiveUp}). The end of a bounded input resolves nothing: the input ended, not the
 * incident. State is cleared with the incident.
 */
public class RaiseLogAlerts extends KeyedCoProcessFunction<String, Anomaly, ServiceResumed, Alert> {

    private static final long serialVersionUID = 1L;

    private final long resolveAfterMillis;
    private final long silenceGiveUpMillis;
    private final String searchUrl;

    private transient ValueState<Alert> firing;
    private transient ValueState<Long> resolveTimer;

    public RaiseLogAlerts(Duration resolveAfter, Duration silenceGiveUp, String searchUrl) {
        this.resolveAfterMillis = resolveAfter.toMillis();
        this.silenceGiveUpMillis = silenceGiveUp.toMillis();
        this.searchUrl = searchUrl;
    }

    @Override
    public void open(OpenContext openContext) {
        firing =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "firing-alert", AvroRecordTypeInfo.forRecord(Alert.class)));
        resolveTimer =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("resolve-timer", Types.LONG));
    }

    @Override
    public void processElement1(Anomaly anomaly, Context ctx, Collector<Alert> out)
            throws Exception {
        Alert open = firing.value();
        AlertSeverity severity = LogAlerts.severity(anomaly);
        long time = anomaly.getTime().toEpochMilli();
        // Lower ordinal = more severe (CRITICAL, ERROR, WARNING, INFO).
        if (open == null || severity.ordinal() < open.getSeverity().ordinal()) {
            long startsAt = open == null ? time : open.getStartsAt().toEpochMilli();
            Alert alert =
                    LogAlerts.firing(anomaly, ctx.getCurrentKey(), severity, startsAt, searchUrl);
            out.collect(alert);
            firing.update(alert);
        }
        boolean silence = LogAlerts.isSilence(anomaly);
        long resolveAt = time + (silence ? silenceGiveUpMillis : resolveAfterMillis);
        Long timer = resolveTimer.value();
        if (timer == null || resolveAt > timer) {
            if (timer != null) {
                ctx.timerService().deleteEventTimeTimer(timer);
            }
            ctx.timerService().registerEventTimeTimer(resolveAt);
            resolveTimer.update(resolveAt);
        }
    }

    @Override
    public void processElement2(ServiceResumed resumed, Context ctx, Collector<Alert> out)
            throws Exception {
        Alert open = firing.value();
        if (open != null) {
            out.collect(LogAlerts.resolved(open, resumed.timeMillis));
            close(ctx);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Long timer = resolveTimer.value();
        if (timer == null || timer != timestamp) {
            return;
        }
        Alert open = firing.value();
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (open != null && !endOfInput) {
            out.collect(LogAlerts.resolved(open, timestamp));
        }
        firing.clear();
        resolveTimer.clear();
    }

    private void close(Context ctx) throws Exception {
        Long timer = resolveTimer.value();
        if (timer != null) {
            ctx.timerService().deleteEventTimeTimer(timer);
        }
        firing.clear();
        resolveTimer.clear();
    }
}
