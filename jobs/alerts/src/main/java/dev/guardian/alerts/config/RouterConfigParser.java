package dev.guardian.alerts.config;

import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the router's YAML (see {@code jobs/alerts/README.md} for the format). Every mistake is a
 * {@link UsageException} naming the path of the offending key, raised at submission rather than
 * when the first alert arrives.
 */
public final class RouterConfigParser {

    private RouterConfigParser() {}

    /** Reads a config file; relative {@code *_file} paths are taken from the file's folder. */
    public static RouterConfig parseFile(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read alert router config " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(yaml, base);
    }

    public static RouterConfig parse(String yaml) {
        return parse(yaml, null);
    }

    private static final ThreadLocal<Path> BASE = new ThreadLocal<>();

    /** As {@link #parse(String)}, resolving relative secret-file paths against {@code base}. */
    public static RouterConfig parse(String yaml, Path base) {
        BASE.set(base);
        try {
            return parseYaml(yaml);
        } finally {
            BASE.remove();
        }
    }

    private static RouterConfig parseYaml(String yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new UsageException("alert router config is not valid YAML: " + e.getMessage());
        }
        ConfigNode top = ConfigNode.of(root, "");

        ConfigNode dedup = top.node("dedup");
        Duration renotify = dedup.duration("renotify_interval", RouterConfig.DEFAULT_RENOTIFY);
        Duration autoResolve =
                dedup.duration("auto_resolve_after", RouterConfig.DEFAULT_AUTO_RESOLVE);
        Duration resolvedMemory =
                dedup.duration("resolved_memory", RouterConfig.DEFAULT_RESOLVED_MEMORY);
        Duration resolveDelay = dedup.duration("resolve_delay", Duration.ZERO);
        dedup.rejectUnknown();
        if (renotify.isZero() || autoResolve.isZero()) {
            throw ConfigNode.error("dedup", "intervals must be positive");
        }

        Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        for (ConfigNode r : top.nodes("receivers")) {
            ReceiverConfig receiver = receiver(r);
            if (receivers.put(receiver.name, receiver) != null) {
                throw ConfigNode.error(r.child("name"), "repeats receiver '" + receiver.name + "'");
            }
        }
        if (receivers.isEmpty()) {
            throw ConfigNode.error("receivers", "must name at least one receiver");
        }

        List<RouteRule> routes = new ArrayList<>();
        Set<String> routeNames = new LinkedHashSet<>();
        List<ConfigNode> routeNodes = top.nodes("routes");
        for (int i = 0; i < routeNodes.size(); i++) {
            RouteRule route = route(routeNodes.get(i), i, receivers);
            if (!routeNames.add(route.name)) {
                throw ConfigNode.error(
                        routeNodes.get(i).child("name"), "repeats route '" + route.name + "'");
            }
            routes.add(route);
        }
        if (routes.isEmpty()) {
            throw ConfigNode.error("routes", "must hold at least one route");
        }

        List<MuteRule> mutes = new ArrayList<>();
        Object muteList = top.raw("mutes");
        if (muteList != null) {
            if (!(muteList instanceof List)) {
                throw ConfigNode.error("mutes", "must be a list");
            }
            List<?> items = (List<?>) muteList;
            for (int i = 0; i < items.size(); i++) {
                mutes.add(MuteRule.parse(items.get(i), "mutes[" + i + "]"));
            }
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (ConfigNode w : top.nodes("maintenance_windows")) {
            windows.add(MaintenanceWindow.parse(w));
        }
        List<LinkTemplate> links = new ArrayList<>();
        for (ConfigNode l : top.nodes("links")) {
            links.add(new LinkTemplate(l.requireString("text"), l.requireString("href")));
            l.rejectUnknown();
        }
        top.rejectUnknown();
        return new RouterConfig(
                renotify,
                autoResolve,
                resolvedMemory,
                resolveDelay,
                receivers,
                routes,
                mutes,
                windows,
                links);
    }

    private static ReceiverConfig receiver(ConfigNode r) {
        String name = r.requireString("name");
        String typeName = r.requireString("type");
        ReceiverType type;
        try {
            type = ReceiverType.valueOf(typeName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigNode.error(
                    r.child("type"),
                    "has unknown receiver type '" + typeName + "' (pagerduty, slack, webhook)");
        }
        SecretRef url = secret(r, "url", type == ReceiverType.PAGERDUTY);
        if (url == null) {
            if (type != ReceiverType.PAGERDUTY) {
                throw ConfigNode.error(
                        r.path(),
                        "needs url_env (an environment variable) or url_file (a secret file):"
                                + " webhook URLs are secrets");
            }
            url = SecretRef.plain(ReceiverConfig.PAGERDUTY_EVENTS_URL);
        }
        SecretRef routingKey = null;
        if (type == ReceiverType.PAGERDUTY) {
            routingKey = secret(r, "routing_key", false);
            if (routingKey == null) {
                throw ConfigNode.error(
                        r.path(),
                        "needs routing_key_env or routing_key_file (the integration key)");
            }
        }
        SecretRef auth = type == ReceiverType.WEBHOOK ? secret(r, "auth_header", false) : null;
        RateLimit rateLimit = null;
        if (r.has("rate_limit")) {
            ConfigNode rl = r.node("rate_limit");
            try {
                rateLimit =
                        new RateLimit(
                                (int) rl.longValue("max", 0),
                                rl.duration("per", Duration.ofMinutes(1)));
            } catch (IllegalArgumentException e) {
                throw ConfigNode.error(rl.path(), e.getMessage());
            }
            rl.rejectUnknown();
        }
        RetrySettings retry = RetrySettings.DEFAULT;
        if (r.has("retry")) {
            ConfigNode rt = r.node("retry");
            RetrySettings d = RetrySettings.DEFAULT;
            try {
                retry =
                        new RetrySettings(
                                (int) rt.longValue("max_attempts", d.maxAttempts),
                                rt.duration("initial_backoff", d.initialBackoff),
                                rt.duration("max_backoff", d.maxBackoff),
                                rt.doubleValue("multiplier", d.multiplier),
                                rt.doubleValue("jitter", d.jitter),
                                rt.duration("max_retry_after", d.maxRetryAfter));
            } catch (IllegalArgumentException e) {
                throw ConfigNode.error(rt.path(), e.getMessage());
            }
            rt.rejectUnknown();
        }
        Duration timeout = r.duration("timeout", Duration.ofSeconds(10));
        if (timeout.isZero()) {
            throw ConfigNode.error(r.child("timeout"), "must be positive");
        }
        r.rejectUnknown();
        return new ReceiverConfig(name, type, url, routingKey, auth, rateLimit, retry, timeout);
    }

    /**
     * {@code <key>_env} or {@code <key>_file}; a plain {@code <key>} only where {@code
     * plainAllowed} (the public PagerDuty endpoint), because a plain secret would end up in the
     * repository.
     */
    private static SecretRef secret(ConfigNode r, String key, boolean plainAllowed) {
        String env = r.string(key + "_env", null);
        String file = r.string(key + "_file", null);
        String plain = r.string(key, null);
        int given = (env != null ? 1 : 0) + (file != null ? 1 : 0) + (plain != null ? 1 : 0);
        if (given > 1) {
            throw ConfigNode.error(r.path(), "gives more than one of " + key + "_env/_file");
        }
        if (plain != null && !plainAllowed) {
            throw ConfigNode.error(
                    r.child(key),
                    "must not be written in the config: use "
                            + key
                            + "_env (an environment variable) or "
                            + key
                            + "_file (a secret file)");
        }
        if (env != null) {
            return SecretRef.env(env);
        }
        if (file != null) {
            Path base = BASE.get();
            Path path = Path.of(file);
            // Resolved now, where the config is read: the TaskManager's working folder differs.
            return SecretRef.file(
                    base == null || path.isAbsolute()
                            ? file
                            : base.resolve(path).normalize().toString());
        }
        return plain == null ? null : SecretRef.plain(plain);
    }

    private static RouteRule route(ConfigNode r, int index, Map<String, ReceiverConfig> receivers) {
        String name = r.string("name", "route-" + index);
        String receiver = r.requireString("receiver");
        if (!receivers.containsKey(receiver)) {
            throw ConfigNode.error(
                    r.child("receiver"),
                    "names unknown receiver '" + receiver + "'; receivers: " + receivers.keySet());
        }
        AlertMatcher match =
                r.has("match") ? AlertMatcher.parse(r.node("match")) : AlertMatcher.any();
        List<String> groupBy = r.has("group_by") ? r.strings("group_by") : null;
        Duration groupWait = r.duration("group_wait", Duration.ZERO);
        Duration groupInterval =
                r.duration(
                        "group_interval", groupBy == null ? Duration.ZERO : Duration.ofSeconds(30));
        boolean cont = r.bool("continue", false);
        r.rejectUnknown();
        return new RouteRule(name, match, receiver, groupBy, groupWait, groupInterval, cont);
    }
}
