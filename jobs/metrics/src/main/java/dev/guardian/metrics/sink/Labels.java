package dev.guardian.metrics.sink;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flat sorted label arrays ({@code k1, v1, k2, v2}) back to maps for the sinks. */
final class Labels {

    private Labels() {}

    static Map<String, String> toMap(String[] flat) {
        Map<String, String> map = new LinkedHashMap<>();
        if (flat != null) {
            for (int i = 0; i + 1 < flat.length; i += 2) {
                map.put(flat[i], flat[i + 1]);
            }
        }
        return map;
    }
}
