package dev.guardian.billing.detect;

import dev.guardian.billing.record.CostChange;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cost of one key split by the dimensions that can explain it: {@code resourceId=…}, {@code
 * skuId=…}, {@code regionId=…}, {@code subAccountId=…} and {@code tag:k=v}. Parallel arrays, so
 * Flink serialises it as a POJO without Kryo; at most {@link #MAX_ENTRIES} entries, the rest folded
 * into {@code resourceId=(others)}.
 */
public class Breakdown {

    static final int MAX_ENTRIES = 2_000;
    static final String OTHER_RESOURCES = "resourceId=(others)";

    public String[] keys = new String[0];
    public double[] amounts = new double[0];

    public Breakdown() {}

    /** Adds a change's effective cost to every dimension value it has. */
    public void add(CostChange c, double amount) {
        Map<String, Double> map = toMap();
        if (!c.resourceId.isEmpty()) {
            String key = "resourceId=" + c.resourceId;
            if (map.containsKey(key) || map.size() < MAX_ENTRIES) {
                map.merge(key, amount, Double::sum);
            } else {
                map.merge(OTHER_RESOURCES, amount, Double::sum);
            }
        }
        map.merge("skuId=" + c.skuId, amount, Double::sum);
        map.merge("regionId=" + c.regionId, amount, Double::sum);
        map.merge("subAccountId=" + c.subAccountId, amount, Double::sum);
        for (int i = 0; i + 1 < c.tags.length; i += 2) {
            if (map.size() < MAX_ENTRIES
                    || map.containsKey("tag:" + c.tags[i] + "=" + c.tags[i + 1])) {
                map.merge("tag:" + c.tags[i] + "=" + c.tags[i + 1], amount, Double::sum);
            }
        }
        fromMap(map);
    }

    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], amounts[i]);
        }
        return map;
    }

    public void fromMap(Map<String, Double> map) {
        keys = map.keySet().toArray(new String[0]);
        amounts = new double[keys.length];
        int i = 0;
        for (double v : map.values()) {
            amounts[i++] = v;
        }
    }

    /** The dimension of an entry key: resourceId, skuId, regionId, subAccountId or tag:k. */
    public static String dimensionOf(String key) {
        int eq = key.indexOf('=');
        return key.substring(0, eq);
    }

    public static String valueOf(String key) {
        return key.substring(key.indexOf('=') + 1);
    }

    @Override
    public String toString() {
        return Arrays.toString(keys) + " " + Arrays.toString(amounts);
    }
}
