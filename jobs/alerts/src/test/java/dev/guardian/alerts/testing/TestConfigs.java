package dev.guardian.alerts.testing;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;

/** Router configurations for tests, from YAML as users write it. */
public final class TestConfigs {

    private TestConfigs() {}

    /** A copy of a config with another resolve delay. */
    public static RouterConfig withResolveDelay(RouterConfig c, long millis) {
        return new RouterConfig(
                c.renotifyInterval,
                c.autoResolveAfter,
                c.resolvedMemory,
                java.time.Duration.ofMillis(millis),
                c.receivers,
                c.routes,
                c.mutes,
                c.maintenanceWindows,
                c.links);
    }

    /** One webhook receiver, every alert routed to it ungrouped; plus the given YAML. */
    public static RouterConfig simple(String extraYaml) {
        return RouterConfigParser.parse(
                "dedup:\n"
                        + "  renotify_interval: 1h\n"
                        + "  auto_resolve_after: 30m\n"
                        + "receivers:\n"
                        + "  - name: hook\n"
                        + "    type: webhook\n"
                        + "    url_env: TEST_HOOK_URL\n"
                        + "routes:\n"
                        + "  - name: all\n"
                        + "    receiver: hook\n"
                        + extraYaml);
    }
}
