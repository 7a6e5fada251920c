package dev.guardian.alerts.route;

import dev.guardian.alerts.config.RateLimit;
import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.alerts.model.Severity;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by receiver: lets at most {@code rate_limit.max} notifications through per fixed window of
 * {@code rate_limit.per} (event time). The overflow is not dropped: at the end of the window one
 * {@link NotificationKind#SUMMARY} says how many were held back, how urgent they were, and lists
 * the first of them. Resolves are not counted: a lost resolve would leave a page open. A resolve of
 * an incident whose every notification was held back is not sent at all: the receiver never heard
 * of it, so there is nothing to close (its summary already said it existed).
 */
public class ReceiverRateLimiter extends KeyedProcessFunction<String, Notification, Notification> {

    private static final long serialVersionUID = 1L;

    static final int MAX_LISTED = 20;

    private final RouterConfig config;
    private transient ValueState<RateWindowState> window;
    private transient MapState<String, Boolean> heldBack;
    private transient Counter held;
    private transient Counter resolvesOfHeldBack;

    public ReceiverRateLimiter(RouterConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        window =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "rate-window", TypeInformation.of(RateWindowState.class)));
        heldBack =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "held-back-incidents", Types.STRING, Types.BOOLEAN));
        held = getRuntimeContext().getMetricGroup().counter("notificationsRateLimited");
        resolvesOfHeldBack =
                getRuntimeContext().getMetricGroup().counter("resolvesOfHeldBackIncidents");
    }

    @Override
    public void processElement(Notification n, Context ctx, Collector<Notification> out)
            throws Exception {
        ReceiverConfig receiver = config.receivers.get(n.receiver);
        RateLimit limit = receiver == null ? null : receiver.rateLimit;
        if (limit == null) {
            out.collect(n);
            return;
        }
        if (n.kind.resolves()) {
            if (heldBack.contains(n.dedupKey)) {
                heldBack.remove(n.dedupKey);
                resolvesOfHeldBack.inc();
            } else {
                out.collect(n);
            }
            return;
        }
        long per = limit.per.toMillis();
        long t = ctx.timestamp() == null ? n.time : ctx.timestamp();
        long start = Math.floorDiv(t, per) * per;
        RateWindowState w = window.value();
        if (w != null && start >= w.windowStart + per) {
            // A later window began before the watermark closed this one: summarise it now.
            summarise(n.receiver, w, per, out);
            w = null;
        }
        if (w == null || start < w.windowStart) {
            if (w != null) {
                // Late notification for an older window: count it in the current one.
                start = w.windowStart;
            } else {
                w = new RateWindowState();
                w.windowStart = start;
                ctx.timerService().registerEventTimeTimer(start + per - 1);
            }
        }
        if (w.sent < limit.max) {
            w.sent++;
            window.update(w);
            heldBack.remove(n.dedupKey);
            out.collect(n);
            return;
        }
        held.inc();
        heldBack.put(n.dedupKey, true);
        w.overflow++;
        w.route = n.route;
        w.overflowBySeverity.merge(n.severity, 1, Integer::sum);
        Severity s = Severity.parse(n.severity);
        w.overflowSeverity =
                w.overflowSeverity == null
                        ? s.name()
                        : Severity.mostUrgent(s, Severity.parse(w.overflowSeverity)).name();
        w.overflowNewest = Math.max(w.overflowNewest, n.time);
        AlertView lead = n.lead();
        if (lead != null && w.overflowLeads.size() < MAX_LISTED) {
            w.overflowLeads.add(new NotificationMember(lead, false));
        }
        window.update(w);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Notification> out)
            throws Exception {
        RateWindowState w = window.value();
        ReceiverConfig receiver = config.receivers.get(ctx.getCurrentKey());
        if (w == null || receiver == null || receiver.rateLimit == null) {
            return;
        }
        long per = receiver.rateLimit.per.toMillis();
        if (w.windowStart + per - 1 == timestamp) {
            summarise(ctx.getCurrentKey(), w, per, out);
            window.clear();
        }
    }

    private void summarise(
            String receiver, RateWindowState w, long per, Collector<Notification> out) {
        if (w.overflow == 0) {
            return;
        }
        Notification s = new Notification();
        s.kind = NotificationKind.SUMMARY;
        s.receiver = receiver;
        s.route = w.route;
        s.id = receiver + "|rate-limit@" + w.windowStart;
        s.dedupKey = "rate-limit-" + RouteAlerts.hash(receiver + "@" + w.windowStart);
        s.groupKey = receiver + "|rate-limit";
        s.groupLabels.put("window_start", java.time.Instant.ofEpochMilli(w.windowStart).toString());
        s.revision = 1;
        s.severity = w.overflowSeverity;
        s.time = w.overflowNewest;
        s.summarisedCount = w.overflow;
        s.members.addAll(w.overflowLeads);
        s.omittedMembers = Math.max(0, w.overflow - w.overflowLeads.size());
        out.collect(s);
    }
}
