package dev.guardian.alerts.route;

import dev.guardian.alerts.config.RouteRule;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.RoutedAlert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Matches each decision against the routing rules in order (the first match wins, unless it says
 * {@code continue}) and sends notifying decisions on to each matched route's receiver, in the group
 * its {@code group_by} labels name. Every decision, notifying or not, leaves through the {@link
 * #RECORDS} side output with the routes it matched.
 */
public class RouteAlerts extends ProcessFunction<AlertDecision, RoutedAlert> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<AlertRecord> RECORDS =
            new OutputTag<>("alert-records", TypeInformation.of(AlertRecord.class));

    private final RouterConfig config;
    private transient Counter unrouted;

    public RouteAlerts(RouterConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        unrouted = getRuntimeContext().getMetricGroup().counter("alertsUnrouted");
    }

    @Override
    public void processElement(AlertDecision d, Context ctx, Collector<RoutedAlert> out) {
        List<RouteRule> matched = match(config.routes, d);
        AlertRecord record = new AlertRecord(d);
        for (RouteRule route : matched) {
            record.routes.add(route.name);
            if (!record.receivers.contains(route.receiver)) {
                record.receivers.add(route.receiver);
            }
        }
        ctx.output(RECORDS, record);
        if (!d.decision.notifies()) {
            return;
        }
        if (matched.isEmpty() && unrouted != null) {
            unrouted.inc();
        }
        for (RouteRule route : matched) {
            out.collect(routed(d, route));
        }
    }

    static List<RouteRule> match(List<RouteRule> routes, AlertDecision d) {
        List<RouteRule> matched = new ArrayList<>();
        for (RouteRule route : routes) {
            if (route.match.matches(d.alert)) {
                matched.add(route);
                if (!route.continueMatching) {
                    break;
                }
            }
        }
        return matched;
    }

    static RoutedAlert routed(AlertDecision d, RouteRule route) {
        RoutedAlert r = new RoutedAlert();
        r.decision = d;
        r.route = route.name;
        r.receiver = route.receiver;
        r.groupWaitMillis = route.groupWait.toMillis();
        r.groupIntervalMillis = route.groupInterval.toMillis();
        if (route.groupBy == null) {
            r.single = true;
            r.groupKey = route.receiver + "|" + route.name + "|fingerprint=" + d.alert.fingerprint;
            r.groupLabels = new TreeMap<>();
        } else {
            Map<String, String> labels = new TreeMap<>();
            StringBuilder key = new StringBuilder(route.receiver + "|" + route.name + "|");
            for (String label : route.groupBy) {
                String value = d.alert.labels.getOrDefault(label, "");
                labels.put(label, value);
                key.append(label).append('=').append(value).append(',');
            }
            r.groupKey = key.toString();
            r.groupLabels = labels;
        }
        return r;
    }

    /** A short stable hash, for receiver-side keys of groups. */
    public static String hash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
