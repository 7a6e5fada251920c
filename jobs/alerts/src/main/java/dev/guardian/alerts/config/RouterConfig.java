package dev.guardian.alerts.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert router's rules, read from YAML by {@link RouterConfigParser} when the job is submitted
 * and shipped with the job graph. Holds only references to secrets, never their values.
 */
public final class RouterConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_RENOTIFY = Duration.ofHours(4);
    public static final Duration DEFAULT_AUTO_RESOLVE = Duration.ofHours(1);
    public static final Duration DEFAULT_RESOLVED_MEMORY = Duration.ofMinutes(5);

    /** A firing alert is notified again after this long without other news worth a message. */
    public final Duration renotifyInterval;

    /** A firing alert with no news for this long is resolved by the router. */
    public final Duration autoResolveAfter;

    /**
     * How long a resolved episode is remembered, so that a firing update older than the resolve
     * (arriving late, out of order) does not reopen it.
     */
    public final Duration resolvedMemory;

    /**
     * How long a resolve is held before it is notified; a firing update within it cancels the
     * resolve and continues the episode, so a flapping alert does not page again. Zero: at once.
     */
    public final Duration resolveDelay;

    public final Map<String, ReceiverConfig> receivers;
    public final List<RouteRule> routes;
    public final List<MuteRule> mutes;
    public final List<MaintenanceWindow> maintenanceWindows;
    public final List<LinkTemplate> links;

    public RouterConfig(
            Duration renotifyInterval,
            Duration autoResolveAfter,
            Duration resolvedMemory,
            Duration resolveDelay,
            Map<String, ReceiverConfig> receivers,
            List<RouteRule> routes,
            List<MuteRule> mutes,
            List<MaintenanceWindow> maintenanceWindows,
            List<LinkTemplate> links) {
        this.renotifyInterval = renotifyInterval;
        this.autoResolveAfter = autoResolveAfter;
        this.resolvedMemory = resolvedMemory;
        this.resolveDelay = resolveDelay;
        this.receivers = new LinkedHashMap<>(receivers);
        this.routes = new ArrayList<>(routes);
        this.mutes = new ArrayList<>(mutes);
        this.maintenanceWindows = new ArrayList<>(maintenanceWindows);
        this.links = new ArrayList<>(links);
    }

    public ReceiverConfig receiver(String name) {
        ReceiverConfig r = receivers.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no receiver named " + name);
        }
        return r;
    }

    /** Longest a delivery to any receiver can take with all its retries. */
    public long worstCaseDeliveryMillis() {
        long worst = 0;
        for (ReceiverConfig r : receivers.values()) {
            worst = Math.max(worst, r.retry.worstCaseMillis(r.timeout));
        }
        return worst;
    }
}
