package dev.guardian.security.detect;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import java.util.ArrayList;
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
 * LoginPrincipal}. Keeps only the last N failures; a timer drops them once they are too old.
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

    private final DetectionSettings settings;
    private transient ListState<SecurityEvent> failures;

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
    }

    @Override
    public void processElement(SecurityEvent e, Context ctx, Collector<Detection> out)
            throws Exception {
        if (!LoginPrincipal.isConsoleLogin(e)) {
            return;
        }
        long now = e.getTime().toEpochMilli();
        if (e.getOutcome() == Outcome.FAILURE) {
            failures.update(RecentEvents.add(failures.get(), e, settings.bruteForceFailures()));
            ctx.timerService().registerEventTimeTimer(now + settings.bruteForceWindow().toMillis());
            return;
        }
        List<SecurityEvent> recent =
                RecentEvents.within(failures.get(), now, settings.bruteForceWindow());
        if (recent.size() >= settings.bruteForceFailures()) {
            List<SecurityEvent> evidence = new ArrayList<>(recent);
            evidence.add(e);
            List<String> ids = new ArrayList<>();
            evidence.forEach(x -> ids.add(Detections.eventKey(x)));
            out.collect(
                    Detections.grouped(
                            RULE_ID,
                            TITLE,
                            "high",
                            TAGS,
                            Map.of("principal", ctx.getCurrentKey()),
                            recent.get(0).getTime(),
                            evidence,
                            ids,
                            e.getTime()));
        }
        failures.clear();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        List<SecurityEvent> recent =
                RecentEvents.within(failures.get(), timestamp, settings.bruteForceWindow());
        if (recent.isEmpty()) {
            failures.clear();
        } else {
            failures.update(recent);
        }
    }
}
