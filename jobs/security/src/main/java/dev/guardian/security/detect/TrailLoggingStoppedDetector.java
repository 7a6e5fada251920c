package dev.guardian.security.detect;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * CloudTrail logging stopped (or the trail deleted) and not resumed within {@code
 * trailRestartGrace}. The stop itself is caught by a Sigma rule at once; this detection is the
 * escalation that the audit trail is still off, which a maintenance stop-and-start never triggers.
 * Keyed by account and trail ({@link #BY_TRAIL}).
 */
public class TrailLoggingStoppedDetector
        extends KeyedProcessFunction<String, SecurityEvent, Detection> {

    private static final long serialVersionUID = 1L;

    public static final String RULE_ID = "guardian-cloudtrail-logging-not-resumed";
    static final String TITLE = "CloudTrail logging stopped and not resumed";
    static final List<String> TAGS = List.of("attack.defense-evasion", "attack.t1562.008");
    static final Set<String> STOPS = Set.of("StopLogging", "DeleteTrail");
    static final Set<String> STARTS = Set.of("StartLogging", "CreateTrail");

    /** Account and trail name (a trail is named by name or ARN in requests). */
    public static final KeySelector<SecurityEvent, String> BY_TRAIL = new ByTrail();

    private final DetectionSettings settings;
    private transient ValueState<SecurityEvent> stopped;
    private transient ValueState<Long> lastStart;

    public TrailLoggingStoppedDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    /** Successful trail starts and stops, the only events this detector needs. */
    public static boolean isTrailSwitch(SecurityEvent e) {
        return "cloudtrail.amazonaws.com".equals(e.getService())
                && e.getOutcome() == Outcome.SUCCESS
                && (STOPS.contains(e.getOperation()) || STARTS.contains(e.getOperation()));
    }

    @Override
    public void open(OpenContext context) {
        stopped =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "trail-stopped-by",
                                        AvroRecordTypeInfo.forRecord(SecurityEvent.class)));
        lastStart =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("trail-last-start", Types.LONG));
    }

    @Override
    public void processElement(SecurityEvent e, Context ctx, Collector<Detection> out)
            throws Exception {
        if (!isTrailSwitch(e)) {
            return;
        }
        SecurityEvent previous = stopped.value();
        long time = e.getTime().toEpochMilli();
        if (STOPS.contains(e.getOperation())) {
            Long started = lastStart.value();
            boolean restartedAlready = started != null && started >= time;
            if (previous == null && !restartedAlready) {
                stopped.update(e);
                ctx.timerService().registerEventTimeTimer(deadline(e));
            }
            return;
        }
        // a start, possibly delivered before the stop it answers
        Long started = lastStart.value();
        if (started == null || time > started) {
            lastStart.update(time);
            ctx.timerService()
                    .registerEventTimeTimer(time + settings.trailRestartGrace().toMillis());
        }
        if (previous != null && time >= previous.getTime().toEpochMilli()) {
            ctx.timerService().deleteEventTimeTimer(deadline(previous));
            stopped.clear();
        }
    }

    private long deadline(SecurityEvent stop) {
        return stop.getTime().toEpochMilli() + settings.trailRestartGrace().toMillis();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        Long started = lastStart.value();
        if (started != null && timestamp >= started + settings.trailRestartGrace().toMillis()) {
            lastStart.clear(); // a late stop older than this start can no longer arrive
        }
        SecurityEvent stop = stopped.value();
        if (stop == null || timestamp < deadline(stop)) {
            return;
        }
        Detection d =
                Detections.grouped(
                        RULE_ID,
                        TITLE,
                        "critical",
                        TAGS,
                        Map.of("trail", ctx.getCurrentKey()),
                        stop.getTime(),
                        List.of(stop),
                        List.of(Detections.eventKey(stop)),
                        java.time.Instant.ofEpochMilli(timestamp));
        out.collect(d);
        stopped.clear();
    }

    /** Account and trail name, from the trail name or ARN the request names. */
    static final class ByTrail implements KeySelector<SecurityEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SecurityEvent e) {
            String trail = e.getResource() == null ? "" : e.getResource();
            int slash = trail.lastIndexOf("trail/");
            if (slash >= 0) {
                trail = trail.substring(slash + "trail/".length());
            }
            return e.getAccountId() + "/" + trail;
        }
    }
}
