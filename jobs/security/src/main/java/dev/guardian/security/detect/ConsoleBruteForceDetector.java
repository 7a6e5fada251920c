package dev.guardian.security.detect;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Failed console logins followed by a successful one for the same principal: at least {@code
 * bruteForceFailures} failures within {@code bruteForceWindow} before the success. Keyed by {@link
 * LoginPrincipal}.
 *
 * <p>Records of one principal can arrive out of order (several partitions, several decoders), so a
 * success is judged when the watermark passes its time, once every earlier failure has arrived. A
 * success also ends the run of failures before it. A bounded number of the newest failures is kept;
 * a timer drops them once too old.
 */
public class ConsoleBruteForceDetector
        extends KeyedProcessFunction<String, SecurityEvent, Detection> {

    private static final long serialVersionUID = 1L;

    public static final String RULE_ID = "guardian-console-login-brute-force-success";
    static final String TITLE = "Console login succeeded after repeated failures";
    static final List<String> TAGS =
            List.of(
                    "attack.credential-access",
                    "attack.t1110",
                    "attack.initial-access",
                    "attack.t1078.004");

    /**
     * Failures kept, per failure of the threshold: more than the threshold, because failures newer
     * than a success still waiting for the watermark must not push out older ones it needs.
     */
    static final int KEPT_PER_THRESHOLD = 10;

    private final DetectionSettings settings;
    private transient ListState<SecurityEvent> failures;
    private transient ListState<SecurityEvent> successes;

    public ConsoleBruteForceDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        failures =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "console-login-failures",
                                        AvroRecordTypeInfo.forRecord(SecurityEvent.class)));
        successes =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "console-login-successes-to-judge",
                                        AvroRecordTypeInfo.forRecord(SecurityEvent.class)));
    }

    @Override
    public void processElement(SecurityEvent e, Context ctx, Collector<Detection> out)
            throws Exception {
        if (!LoginPrincipal.isConsoleLogin(e)) {
            return;
        }
        long time = e.getTime().toEpochMilli();
        if (e.getOutcome() == Outcome.FAILURE) {
            failures.update(
                    RecentEvents.add(
                            failures.get(), e, KEPT_PER_THRESHOLD * settings.bruteForceFailures()));
            ctx.timerService()
                    .registerEventTimeTimer(time + settings.bruteForceWindow().toMillis());
        } else {
            successes.add(e);
            ctx.timerService().registerEventTimeTimer(time);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        List<SecurityEvent> due = new ArrayList<>();
        List<SecurityEvent> later = new ArrayList<>();
        for (SecurityEvent s : successes.get()) {
            (s.getTime().toEpochMilli() <= timestamp ? due : later).add(s);
        }
        due.sort(Comparator.comparing(SecurityEvent::getTime));
        List<SecurityEvent> failed = new ArrayList<>();
        failures.get().forEach(failed::add);
        for (SecurityEvent success : due) {
            long time = success.getTime().toEpochMilli();
            List<SecurityEvent> before = new ArrayList<>();
            for (SecurityEvent f : failed) {
                long t = f.getTime().toEpochMilli();
                if (t <= time && t > time - settings.bruteForceWindow().toMillis()) {
                    before.add(f);
                }
            }
            if (before.size() >= settings.bruteForceFailures()) {
                out.collect(detection(ctx.getCurrentKey(), before, success));
            }
            failed.removeIf(f -> !f.getTime().isAfter(success.getTime()));
        }
        successes.update(later);
        failed.removeIf(
                f ->
                        f.getTime().toEpochMilli()
                                <= timestamp - settings.bruteForceWindow().toMillis());
        failures.update(failed);
    }

    private static Detection detection(
            String principal, List<SecurityEvent> before, SecurityEvent success) {
        List<SecurityEvent> evidence = new ArrayList<>(before);
        evidence.add(success);
        List<String> ids = new ArrayList<>();
        evidence.forEach(x -> ids.add(Detections.eventKey(x)));
        return Detections.grouped(
                RULE_ID,
                TITLE,
                "high",
                TAGS,
                Map.of("principal", principal),
                before.get(0).getTime(),
                evidence,
                ids,
                success.getTime());
    }
}
