package dev.guardian.alerts.route;

import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.alerts.model.RoutedAlert;
import dev.guardian.alerts.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by notification group: turns the notifying decisions of the group's alerts into
 * notifications that list the members. A new group notifies after {@code group_wait} (at once by
 * default); later changes (members joining, resolving, escalating) are batched into one update per
 * {@code group_interval}. When every member has resolved, one resolve notification closes the group
 * and its state is cleared. Ungrouped routes have one group per fingerprint and no interval, so
 * each decision becomes one notification immediately.
 */
public class AlertGrouper extends KeyedProcessFunction<String, RoutedAlert, Notification> {

    private static final long serialVersionUID = 1L;

    /** Members listed in one message; the rest are counted. */
    static final int MAX_LISTED_MEMBERS = 50;

    private transient ValueState<GroupState> group;
    private transient MapState<String, GroupMemberState> members;

    @Override
    public void open(OpenContext openContext) {
        group =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "group", TypeInformation.of(GroupState.class)));
        members =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "group-members",
                                        Types.STRING,
                                        TypeInformation.of(GroupMemberState.class)));
    }

    @Override
    public void processElement(RoutedAlert routed, Context ctx, Collector<Notification> out)
            throws Exception {
        long t = ctx.timestamp() == null ? routed.decision.alert.time : ctx.timestamp();
        GroupState g = group.value();
        if (g == null) {
            g = open(routed, t);
        }
        String fingerprint = routed.decision.alert.fingerprint;
        GroupMemberState previous = members.get(fingerprint);
        Decision decision = routed.decision.decision;
        if (decision.resolves()) {
            members.put(
                    fingerprint,
                    new GroupMemberState(routed.decision.alert, true, GroupMemberState.RESOLVED));
        } else {
            String news =
                    previous == null || previous.resolved
                            ? GroupMemberState.JOINED
                            : GroupMemberState.JOINED.equals(previous.news)
                                    ? GroupMemberState.JOINED
                                    : GroupMemberState.UPDATED;
            members.put(fingerprint, new GroupMemberState(routed.decision.alert, false, news));
        }
        g.dirty = true;
        long due =
                g.revision == 0
                        ? g.openedAt + g.groupWaitMillis
                        : g.lastSentAt + g.groupIntervalMillis;
        if (due <= t) {
            send(g, t, ctx.timerService(), out);
        } else if (g.timerAt == Long.MIN_VALUE || g.timerAt > due) {
            if (g.timerAt != Long.MIN_VALUE) {
                ctx.timerService().deleteEventTimeTimer(g.timerAt);
            }
            ctx.timerService().registerEventTimeTimer(due);
            g.timerAt = due;
            group.update(g);
        } else {
            group.update(g);
        }
    }

    private static GroupState open(RoutedAlert routed, long t) {
        GroupState g = new GroupState();
        g.route = routed.route;
        g.receiver = routed.receiver;
        g.groupKey = routed.groupKey;
        g.groupLabels = new TreeMap<>(routed.groupLabels);
        g.groupWaitMillis = routed.groupWaitMillis;
        g.groupIntervalMillis = routed.groupIntervalMillis;
        g.dedupKey =
                routed.single
                        ? routed.decision.alert.fingerprint
                        : "group-" + RouteAlerts.hash(routed.groupKey);
        g.openedAt = t;
        return g;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Notification> out)
            throws Exception {
        GroupState g = group.value();
        if (g == null || g.timerAt != timestamp) {
            return;
        }
        g.timerAt = Long.MIN_VALUE;
        if (g.dirty) {
            send(g, timestamp, ctx.timerService(), out);
        } else {
            group.update(g);
        }
    }

    private void send(GroupState g, long now, TimerService timers, Collector<Notification> out)
            throws Exception {
        if (g.timerAt != Long.MIN_VALUE) {
            // Sent early (a change arrived after the interval, before the watermark): the next
            // interval starts now.
            timers.deleteEventTimeTimer(g.timerAt);
            g.timerAt = Long.MIN_VALUE;
        }
        List<GroupMemberState> firing = new ArrayList<>();
        List<GroupMemberState> resolved = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        boolean membershipChanged = false;
        long newest = Long.MIN_VALUE;
        for (Map.Entry<String, GroupMemberState> e : members.entries()) {
            GroupMemberState m = e.getValue();
            if (m.resolved) {
                resolved.add(m);
                gone.add(e.getKey());
            } else {
                firing.add(m);
            }
            if (!GroupMemberState.NONE.equals(m.news)) {
                newest = Math.max(newest, m.alert.time);
                membershipChanged |= !GroupMemberState.UPDATED.equals(m.news);
            }
        }
        Comparator<GroupMemberState> order =
                Comparator.comparing((GroupMemberState m) -> m.alert.severityLevel())
                        .thenComparing(m -> m.alert.fingerprint);
        firing.sort(order);
        resolved.sort(order);

        if (g.revision == 0 && firing.isEmpty()) {
            // Fired and resolved within group_wait: nobody was told, so there is nothing to close.
            clear(g, timers);
            return;
        }
        Severity severity = null;
        for (GroupMemberState m : firing.isEmpty() ? resolved : firing) {
            Severity s = m.alert.severityLevel();
            severity = severity == null ? s : Severity.mostUrgent(severity, s);
        }
        NotificationKind kind;
        if (firing.isEmpty()) {
            kind = NotificationKind.RESOLVE;
        } else if (g.revision == 0) {
            kind = NotificationKind.TRIGGER;
        } else if (severity.moreUrgentThan(Severity.parse(g.lastSentSeverity))) {
            kind = NotificationKind.ESCALATE;
        } else if (membershipChanged) {
            kind = NotificationKind.UPDATE;
        } else {
            kind = NotificationKind.RENOTIFY;
        }

        g.revision++;
        Notification n = new Notification();
        n.receiver = g.receiver;
        n.route = g.route;
        n.kind = kind;
        n.dedupKey = g.dedupKey;
        n.groupKey = g.groupKey;
        n.groupLabels = new TreeMap<>(g.groupLabels);
        n.revision = g.revision;
        n.severity = severity.name();
        n.time = newest == Long.MIN_VALUE ? now : newest;
        n.id = g.receiver + "|" + g.dedupKey + "@" + g.openedAt + "#" + g.revision;
        for (GroupMemberState m : firing) {
            add(n, m);
        }
        for (GroupMemberState m : resolved) {
            add(n, m);
        }
        out.collect(n);

        for (String fingerprint : gone) {
            members.remove(fingerprint);
        }
        if (firing.isEmpty()) {
            clear(g, timers);
            return;
        }
        for (GroupMemberState m : firing) {
            if (!GroupMemberState.NONE.equals(m.news)) {
                m.news = GroupMemberState.NONE;
                members.put(m.alert.fingerprint, m);
            }
        }
        g.dirty = false;
        g.lastSentAt = now;
        g.lastSentSeverity = severity.name();
        group.update(g);
    }

    private static void add(Notification n, GroupMemberState m) {
        if (n.members.size() < MAX_LISTED_MEMBERS) {
            n.members.add(new NotificationMember(m.alert, m.resolved));
        } else {
            n.omittedMembers++;
        }
    }

    private void clear(GroupState g, TimerService timers) {
        if (g.timerAt != Long.MIN_VALUE) {
            timers.deleteEventTimeTimer(g.timerAt);
            g.timerAt = Long.MIN_VALUE;
        }
        group.clear();
        members.clear();
    }
}
