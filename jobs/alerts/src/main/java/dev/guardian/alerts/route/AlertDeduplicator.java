package dev.guardian.alerts.route;

import dev.guardian.alerts.config.MuteRule;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by fingerprint: turns alert state changes into decisions. A firing alert notifies once per
 * episode, again only when its severity becomes more urgent than what was notified or when the
 * re-notify interval has passed; a resolve notifies once and closes the episode (state cleared); an
 * episode with no news for the auto-resolve time is resolved by an event-time timer. Muted changes
 * (config mutes, maintenance windows, runtime mutes from the broadcast input) are decided {@link
 * Decision#MUTED}: recorded, not notified. Times are the alerts' own, so a replay decides the same.
 */
public class AlertDeduplicator
        extends KeyedBroadcastProcessFunction<String, AlertView, String, AlertDecision> {

    private static final long serialVersionUID = 1L;

    /** Runtime mutes: id → the command's JSON text. */
    public static final MapStateDescriptor<String, String> MUTES =
            new MapStateDescriptor<>("runtime-mutes", Types.STRING, Types.STRING);

    private final RouterConfig config;
    private final long renotifyMillis;
    private final long autoResolveMillis;
    private final long resolvedMemoryMillis;
    private final long resolveDelayMillis;

    private transient ValueState<EpisodeState> episode;
    private transient ActiveMutes mutes;
    private transient boolean mutesLoaded;
    private transient Counter notified;
    private transient Counter suppressed;
    private transient Counter muted;
    private transient Counter flaps;

    public AlertDeduplicator(RouterConfig config) {
        this.config = config;
        this.renotifyMillis = config.renotifyInterval.toMillis();
        this.autoResolveMillis = config.autoResolveAfter.toMillis();
        this.resolvedMemoryMillis = config.resolvedMemory.toMillis();
        this.resolveDelayMillis = config.resolveDelay.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        episode =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "episode", TypeInformation.of(EpisodeState.class)));
        mutes = new ActiveMutes(config);
        mutesLoaded = false;
        notified = getRuntimeContext().getMetricGroup().counter("alertsNotified");
        suppressed = getRuntimeContext().getMetricGroup().counter("alertsDuplicate");
        muted = getRuntimeContext().getMetricGroup().counter("alertsMuted");
        flaps = getRuntimeContext().getMetricGroup().counter("alertsFlapsDamped");
    }

    @Override
    public void processElement(AlertView alert, ReadOnlyContext ctx, Collector<AlertDecision> out)
            throws Exception {
        if (!mutesLoaded) {
            // After a restore the broadcast state is back but the compiled mirror is not.
            ReadOnlyBroadcastState<String, String> state = ctx.getBroadcastState(MUTES);
            mutes.clearRuntime();
            for (Map.Entry<String, String> e : state.immutableEntries()) {
                mutes.put(DecodeMutes.parse(e.getValue()));
            }
            mutesLoaded = true;
        }
        String mutedBy = mutes.mutedBy(alert);
        EpisodeState ep = episode.value();
        if (alert.firing()) {
            out.collect(firing(alert, ep, mutedBy, ctx));
        } else if (ep != null && ep.pendingResolve != null) {
            // A repeated resolve while one is held: nothing new.
            out.collect(
                    new AlertDecision(alert, Decision.RESOLVED_SILENTLY, ep.episodeId, 0, null));
        } else if (resolveDelayMillis > 0
                && ep != null
                && !ep.closed()
                && ep.notifiedSeverity != null) {
            out.collect(holdResolve(alert, ep, ctx.timerService()));
        } else {
            out.collect(resolved(alert, ep, Decision.RESOLVE, ctx.timerService()));
        }
    }

    private AlertDecision firing(
            AlertView alert, EpisodeState ep, String mutedBy, ReadOnlyContext ctx)
            throws Exception {
        if (ep != null && ep.closed()) {
            if (alert.time <= ep.closedAt && alert.startsAt <= ep.closedAt) {
                // Older than the resolve that closed the episode: late, not a new incident.
                suppressed.inc();
                return new AlertDecision(alert, Decision.DUPLICATE, ep.episodeId, 0, mutedBy);
            }
            ctx.timerService().deleteEventTimeTimer(ep.autoResolveAt);
            ep = null;
        }
        if (ep == null) {
            ep = new EpisodeState();
            ep.episodeId = alert.fingerprint + "@" + alert.startsAt;
            ep.lastSeen = alert.time;
            ep.autoResolveAt = Long.MIN_VALUE;
        }
        if (ep.pendingResolve != null) {
            // Fired again while its resolve was held: a flap. The episode goes on, unannounced.
            flaps.inc();
            ep.pendingResolve = null;
        }
        ep.lastSeen = Math.max(ep.lastSeen, alert.time);
        ep.latest = alert;
        Severity severity = alert.severityLevel();
        Decision decision;
        if (mutedBy != null) {
            decision = Decision.MUTED;
            muted.inc();
        } else if (ep.notifiedSeverity == null) {
            decision = Decision.TRIGGER;
        } else if (severity.moreUrgentThan(Severity.parse(ep.notifiedSeverity))) {
            decision = Decision.ESCALATE;
        } else if (alert.time - ep.lastNotifiedAt >= renotifyMillis) {
            decision = Decision.RENOTIFY;
        } else {
            decision = Decision.DUPLICATE;
            suppressed.inc();
        }
        int seq = 0;
        if (decision.notifies()) {
            notified.inc();
            ep.notifications++;
            seq = ep.notifications;
            ep.notifiedSeverity =
                    ep.notifiedSeverity == null
                            ? severity.name()
                            : Severity.mostUrgent(severity, Severity.parse(ep.notifiedSeverity))
                                    .name();
            ep.lastNotifiedAt = alert.time;
        }
        long resolveAt = ep.lastSeen + autoResolveMillis;
        if (resolveAt != ep.autoResolveAt) {
            if (ep.autoResolveAt != Long.MIN_VALUE) {
                ctx.timerService().deleteEventTimeTimer(ep.autoResolveAt);
            }
            ctx.timerService().registerEventTimeTimer(resolveAt);
            ep.autoResolveAt = resolveAt;
        }
        episode.update(ep);
        return new AlertDecision(alert, decision, ep.episodeId, seq, mutedBy);
    }

    /** Keeps a resolve back for the resolve delay; the timer then notifies it. */
    private AlertDecision holdResolve(AlertView alert, EpisodeState ep, TimerService timers)
            throws Exception {
        if (ep.autoResolveAt != Long.MIN_VALUE) {
            timers.deleteEventTimeTimer(ep.autoResolveAt);
        }
        ep.pendingResolve = alert;
        ep.autoResolveAt = alert.time + resolveDelayMillis;
        timers.registerEventTimeTimer(ep.autoResolveAt);
        episode.update(ep);
        return new AlertDecision(alert, Decision.RESOLVING, ep.episodeId, 0, null);
    }

    private AlertDecision resolved(
            AlertView alert, EpisodeState ep, Decision ifNotified, TimerService timers)
            throws Exception {
        if (ep == null || ep.closed()) {
            return new AlertDecision(
                    alert,
                    Decision.RESOLVED_SILENTLY,
                    ep == null ? alert.fingerprint + "@" + alert.startsAt : ep.episodeId,
                    0,
                    null);
        }
        if (ep.autoResolveAt != Long.MIN_VALUE) {
            timers.deleteEventTimeTimer(ep.autoResolveAt);
        }
        // Closing what was opened is never noise: a resolve goes out even if a mute began since.
        AlertDecision decision =
                ep.notifiedSeverity == null
                        ? new AlertDecision(
                                alert, Decision.RESOLVED_SILENTLY, ep.episodeId, 0, null)
                        : new AlertDecision(
                                alert, ifNotified, ep.episodeId, ep.notifications + 1, null);
        if (decision.decision.notifies()) {
            notified.inc();
        }
        // Remembered a little longer, only to recognise late firing updates; then cleared.
        EpisodeState closed = new EpisodeState();
        closed.episodeId = ep.episodeId;
        closed.closedAt = alert.time;
        closed.lastSeen = alert.time;
        closed.autoResolveAt = alert.time + resolvedMemoryMillis;
        timers.registerEventTimeTimer(closed.autoResolveAt);
        episode.update(closed);
        return decision;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertDecision> out)
            throws Exception {
        EpisodeState ep = episode.value();
        if (ep == null || ep.autoResolveAt != timestamp) {
            return;
        }
        if (ep.closed()) {
            episode.clear();
            return;
        }
        ep.autoResolveAt = Long.MIN_VALUE; // this timer has fired; nothing to delete
        if (ep.pendingResolve != null) {
            // The resolve delay passed without the alert firing again.
            out.collect(resolved(ep.pendingResolve, ep, Decision.RESOLVE, ctx.timerService()));
            return;
        }
        AlertView resolved = ep.latest.copy();
        resolved.status = "RESOLVED";
        resolved.time = timestamp;
        resolved.summary =
                "Auto-resolved by the router: no news for "
                        + config.autoResolveAfter
                        + " since the last firing update.\n"
                        + (resolved.summary == null ? "" : resolved.summary);
        out.collect(resolved(resolved, ep, Decision.AUTO_RESOLVE, ctx.timerService()));
    }

    @Override
    public void processBroadcastElement(String json, Context ctx, Collector<AlertDecision> out)
            throws Exception {
        MuteRule rule = DecodeMutes.parse(json);
        BroadcastState<String, String> state = ctx.getBroadcastState(MUTES);
        if (rule.deleted) {
            state.remove(rule.id);
            mutes.remove(rule.id);
        } else {
            state.put(rule.id, json);
            mutes.put(rule);
        }
        // Forget mutes that ended long ago, so the broadcast state does not grow forever.
        long watermark = ctx.currentWatermark();
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, String> e : state.entries()) {
            if (DecodeMutes.parse(e.getValue()).expiredAt(watermark)) {
                expired.add(e.getKey());
            }
        }
        for (String id : expired) {
            state.remove(id);
            mutes.remove(id);
        }
    }
}
