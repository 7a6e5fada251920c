package dev.guardian.security.detect;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
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
 * A burst of access-denied errors by one principal ({@code accessDeniedBurst} within {@code
 * accessDeniedWindow}): the footprint of enumerating permissions with stolen credentials. Keyed by
 * {@link ByActor}; reports once per burst.
 */
public class AccessDeniedBurstDetector
        extends KeyedProcessFunction<String, SecurityEvent, Detection> {

    private static final long serialVersionUID = 1L;

    public static final String RULE_ID = "guardian-access-denied-burst";
    static final String TITLE = "Burst of access-denied errors";
    static final List<String> TAGS =
            List.of("attack.discovery", "attack.t1580", "attack.t1069.003");

    private final DetectionSettings settings;
    private transient ListState<SecurityEvent> denied;

    public AccessDeniedBurstDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    /**
     * AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation...
     */
    public static boolean isDenied(SecurityEvent e) {
        String code = e.getErrorCode();
        return code != null && (code.contains("AccessDenied") || code.contains("Unauthorized"));
    }

    @Override
    public void open(OpenContext context) {
        denied =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "access-denied",
                                        AvroRecordTypeInfo.forRecord(SecurityEvent.class)));
    }

    @Override
    public void processElement(SecurityEvent e, Context ctx, Collector<Detection> out)
            throws Exception {
        if (!isDenied(e)) {
            return;
        }
        long now = e.getTime().toEpochMilli();
        List<SecurityEvent> recent =
                RecentEvents.within(
                        RecentEvents.add(denied.get(), e, settings.accessDeniedBurst()),
                        now,
                        settings.accessDeniedWindow());
        if (recent.size() >= settings.accessDeniedBurst()) {
            List<String> ids = new ArrayList<>();
            recent.forEach(x -> ids.add(Detections.eventKey(x)));
            out.collect(
                    Detections.grouped(
                            RULE_ID,
                            TITLE,
                            "medium",
                            TAGS,
                            Map.of("actor", ctx.getCurrentKey()),
                            recent.get(0).getTime(),
                            recent,
                            ids,
                            e.getTime()));
            denied.clear();
            return;
        }
        denied.update(recent);
        ctx.timerService().registerEventTimeTimer(now + settings.accessDeniedWindow().toMillis());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        List<SecurityEvent> recent =
                RecentEvents.within(denied.get(), timestamp, settings.accessDeniedWindow());
        if (recent.isEmpty()) {
            denied.clear();
        } else {
            denied.update(recent);
        }
    }
}
