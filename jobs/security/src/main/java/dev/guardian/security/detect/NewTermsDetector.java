package dev.guardian.security.detect;

import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A principal acting from a source IP, with a client or in a region never seen for it before ("new
 * terms"). For {@code newTermsLearning} after a principal's first event everything is only learnt;
 * afterwards each unseen term is a detection and then learnt. Terms unseen for {@code
 * newTermsRetention} are forgotten (a daily timer per principal), which bounds the state.
 *
 * <p>A term's last-seen time is written again only when it is {@link #REFRESH} old, so a busy
 * principal costs a state write per term and hour, not per event. The stored time may thus be up to
 * {@code REFRESH} before the real last sighting; expiry allows for that, so a term is never
 * forgotten before {@code newTermsRetention} has passed since it was really last seen.
 *
 * <p>User agents are compared by product ({@code aws-cli}, {@code Boto3}, {@code S3 Browser}), not
 * by version, or every upgrade would be "new". AWS services acting for a principal ({@code AWS
 * Internal}, {@code *.amazonaws.com} addresses) are not terms.
 */
public class NewTermsDetector extends KeyedProcessFunction<String, SecurityEvent, Detection> {

    private static final long serialVersionUID = 1L;

    public static final String RULE_PREFIX = "guardian-new-term-";
    private static final long DAY = 86_400_000L;
    static final long REFRESH = 3_600_000L;
    static final List<String> TAGS = List.of("attack.initial-access", "attack.t1078.004");

    private final DetectionSettings settings;
    private transient MapState<String, Long> terms;
    private transient ValueState<Long> firstSeen;

    public NewTermsDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        terms =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("new-terms", Types.STRING, Types.LONG));
        firstSeen =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("new-terms-first-seen", Types.LONG));
    }

    /** The terms of an event: kind to value, e.g. {@code sourceIp -> 198.51.100.7}. */
    static Map<String, String> termsOf(SecurityEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        String ip = e.getSourceIp();
        if (ip != null && !ip.equals("AWS Internal") && !ip.endsWith(".amazonaws.com")) {
            out.put("sourceIp", ip);
        }
        String agent = product(e.getUserAgent());
        if (agent != null) {
            out.put("userAgent", agent);
        }
        if (e.getRegion() != null) {
            out.put("region", e.getRegion());
        }
        return out;
    }

    /** The product part of a user agent: before its first '/' or its first version number. */
    static String product(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || userAgent.equals("AWS Internal")) {
            return null;
        }
        String ua = userAgent.strip();
        if (ua.startsWith("[")) {
            ua = ua.substring(1);
        }
        int cut = ua.indexOf('/') > 0 ? ua.indexOf('/') : ua.length();
        for (int i = 1; i < cut; i++) {
            if (Character.isDigit(ua.charAt(i)) && ua.charAt(i - 1) == ' ') {
                cut = i - 1;
                break;
            }
        }
        return ua.substring(0, cut).strip();
    }

    @Override
    public void processElement(SecurityEvent e, Context ctx, Collector<Detection> out)
            throws Exception {
        if (e.getActor() == null || e.getActor().endsWith(".amazonaws.com")) {
            return;
        }
        long now = e.getTime().toEpochMilli();
        Long first = firstSeen.value();
        // a principal's first event arms a timer even without terms, so its first-seen expires too
        boolean refreshed = first == null;
        if (first == null) {
            first = now;
            firstSeen.update(now);
        }
        boolean learning = now - first < settings.newTermsLearning().toMillis();
        for (Map.Entry<String, String> term : termsOf(e).entrySet()) {
            String key = term.getKey() + "=" + term.getValue();
            Long last = terms.get(key);
            if (last == null && !learning) {
                out.collect(detection(term.getKey(), term.getValue(), e));
            }
            // last seen is kept to the hour: a write per term and hour, not per event
            if (last == null || now - last >= REFRESH) {
                terms.put(key, now);
                refreshed = true;
            }
        }
        if (refreshed) {
            // expiry moves only when a last-seen time does; timers with equal timestamps collapse
            ctx.timerService().registerEventTimeTimer(expiryTimer(now));
        }
    }

    /** The daily timer at which a term last written at {@code lastSeen} may be forgotten. */
    private long expiryTimer(long lastSeen) {
        long retention = settings.newTermsRetention().toMillis();
        return ((lastSeen + REFRESH + retention) / DAY + 1) * DAY;
    }

    private static Detection detection(String kind, String value, SecurityEvent e) {
        String title;
        String level = "medium";
        switch (kind) {
            case "sourceIp":
                title = "Principal used a source IP never seen for it";
                break;
            case "userAgent":
                title = "Principal used a client never seen for it";
                break;
            default:
                title = "Principal acted in a region never seen for it";
                level = "high";
        }
        Detection d = Detections.single(RULE_PREFIX + kind, title, level, TAGS, e);
        d.getFields().put("term", kind);
        d.getFields().put("termValue", value);
        d.setGroupBy(new LinkedHashMap<>(Map.of("actor", e.getActor(), kind, value)));
        return d;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out)
            throws Exception {
        // a stored last-seen time may lag the real last sighting by up to REFRESH
        long horizon = timestamp - settings.newTermsRetention().toMillis() - REFRESH;
        List<String> expired = new ArrayList<>();
        Iterator<Map.Entry<String, Long>> it = terms.iterator();
        Long oldestKept = null;
        while (it.hasNext()) {
            Map.Entry<String, Long> term = it.next();
            if (term.getValue() <= horizon) {
                expired.add(term.getKey());
            } else if (oldestKept == null || term.getValue() < oldestKept) {
                oldestKept = term.getValue();
            }
        }
        for (String key : expired) {
            terms.remove(key);
        }
        if (oldestKept != null) {
            // normally already armed when it was written; re-armed so that no term can outlive
            // every timer (e.g. one restored from state written with another schedule)
            ctx.timerService().registerEventTimeTimer(expiryTimer(oldestKept));
        } else {
            // dormant principal: forget it entirely, it learns again when it returns
            terms.clear();
            firstSeen.clear();
        }
    }
}
