package dev.guardian.security.sigma;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the rules an event can possibly match. Each rule is filed under one equality its condition
 * requires (preferably {@code eventName}, then {@code eventSource}, then any other field), so an
 * event costs one hash lookup per indexed field instead of a test per rule. Rules that require no
 * equality are tried on every event.
 */
final class RuleIndex {

    private static final List<String> PREFERRED = List.of("eventName", "eventSource");

    private final FieldPath[] fields;
    private final List<Map<String, int[]>> byValue;
    private final int[] always;
    private final int size;

    RuleIndex(List<SigmaRule> rules) {
        Map<String, Map<String, List<Integer>>> index = new LinkedHashMap<>();
        List<Integer> unindexed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Set<String>> required = rules.get(i).requiredValues();
            String field = choose(required);
            if (field == null) {
                unindexed.add(i);
                continue;
            }
            Map<String, List<Integer>> values = index.computeIfAbsent(field, f -> new HashMap<>());
            for (String value : required.get(field)) {
                values.computeIfAbsent(value, v -> new ArrayList<>()).add(i);
            }
        }
        this.fields = new FieldPath[index.size()];
        this.byValue = new ArrayList<>(index.size());
        int f = 0;
        for (Map.Entry<String, Map<String, List<Integer>>> e : index.entrySet()) {
            fields[f++] = FieldPath.of(e.getKey());
            Map<String, int[]> compact = new HashMap<>(e.getValue().size() * 2);
            e.getValue().forEach((value, ids) -> compact.put(value, toArray(ids)));
            byValue.add(compact);
        }
        this.always = toArray(unindexed);
        this.size = rules.size();
    }

    private static String choose(Map<String, Set<String>> required) {
        for (String preferred : PREFERRED) {
            if (required.containsKey(preferred)) {
                return preferred;
            }
        }
        String best = null;
        for (Map.Entry<String, Set<String>> e : required.entrySet()) {
            if (best == null || e.getValue().size() < required.get(best).size()) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Positions of the rules worth testing on {@code event}, in rule order. */
    BitSet candidates(SigmaEvent event) {
        BitSet out = new BitSet(size);
        for (int i : always) {
            out.set(i);
        }
        for (int f = 0; f < fields.length; f++) {
            Map<String, int[]> values = byValue.get(f);
            for (com.fasterxml.jackson.databind.JsonNode value : event.values(fields[f])) {
                if (!value.isValueNode() || value.isNull()) {
                    continue;
                }
                int[] hits = values.get(value.asText().toLowerCase(Locale.ROOT));
                if (hits != null) {
                    for (int i : hits) {
                        out.set(i);
                    }
                }
            }
        }
        return out;
    }

    /** How many rules each field indexes, and how many are tried on every event. */
    Map<String, Integer> describe() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int f = 0; f < fields.length; f++) {
            long count =
                    byValue.get(f).values().stream()
                            .flatMapToInt(java.util.Arrays::stream)
                            .distinct()
                            .count();
            out.put(fields[f].name(), (int) count);
        }
        out.put("(every event)", always.length);
        return out;
    }
}
