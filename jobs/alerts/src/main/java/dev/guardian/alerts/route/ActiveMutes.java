package dev.guardian.alerts.route;

import dev.guardian.alerts.config.MaintenanceWindow;
import dev.guardian.alerts.config.MuteRule;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutes in force: the configuration's mutes and maintenance windows, plus the runtime mutes
 * received on {@code guardian.mutes} (kept by the deduplicator in broadcast state, mirrored here
 * compiled).
 */
final class ActiveMutes {

    private final RouterConfig config;
    private final Map<String, MuteRule> runtime = new LinkedHashMap<>();

    ActiveMutes(RouterConfig config) {
        this.config = config;
    }

    void put(MuteRule rule) {
        runtime.put(rule.id, rule);
    }

    void remove(String id) {
        runtime.remove(id);
    }

    void clearRuntime() {
        runtime.clear();
    }

    /** {@code mute:<id>} or {@code maintenance:<name>} of the first that silences it, or null. */
    String mutedBy(AlertView alert) {
        for (MuteRule rule : runtime.values()) {
            if (rule.mutes(alert)) {
                return "mute:" + rule.id;
            }
        }
        for (MuteRule rule : config.mutes) {
            if (rule.mutes(alert)) {
                return "mute:" + rule.id;
            }
        }
        for (MaintenanceWindow window : config.maintenanceWindows) {
            if (window.mutes(alert)) {
                return "maintenance:" + window.name;
            }
        }
        return null;
    }
}
