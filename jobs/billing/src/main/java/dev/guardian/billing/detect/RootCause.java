package dev.guardian.billing.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which dimension value explains most of an hour's excess spend, in dollars. Each value's expected
 * spend is its usual share of the key's spend (an average over recent normal hours) times the
 * forecast; its excess is actual minus expected. Within every dimension (resource, SKU, region, sub
 * account, each tag key) the values' excesses add up to the key's excess, so the dimensions compete
 * on equal terms. A value that usually carries all of the key's spend (the only SKU or region of a
 * service) explains nothing a reader does not know, so values are ranked by excess × (1 - usual
 * share); near ties (within 5%) go to the SKU, then the resource, a tag, the sub account, the
 * region. The reported dollars are the value's whole excess.
 */
public final class RootCause {

    /** One value and the dollars of excess it explains. */
    public static final class Contribution {
        public final String dimension;
        public final String value;
        public final double actual;
        public final double expected;

        Contribution(String dimension, String value, double actual, double expected) {
            this.dimension = dimension;
            this.value = value;
            this.actual = actual;
            this.expected = expected;
        }

        public double excess() {
            return actual - expected;
        }

        @Override
        public String toString() {
            return dimension + "=" + value;
        }
    }

    public final Contribution cause;

    /** Top contributors per dimension, most excess first. */
    public final Map<String, List<Contribution>> byDimension;

    private RootCause(Contribution cause, Map<String, List<Contribution>> byDimension) {
        this.cause = cause;
        this.byDimension = byDimension;
    }

    /** Tie-break order: higher wins. */
    static int preference(String dimension) {
        if (dimension.equals("skuId")) {
            return 5;
        }
        if (dimension.equals("resourceId")) {
            return 4;
        }
        if (dimension.startsWith("tag:")) {
            return 3;
        }
        if (dimension.equals("subAccountId")) {
            return 2;
        }
        return 1;
    }

    /**
     * @param hour the anomalous hour's spend by dimension value
     * @param shares the usual share of each dimension value (values summing to about 1 per
     *     dimension); empty when nothing is known yet
     * @param expectedTotal the forecast for the hour
     * @return null when no value has a positive excess
     */
    public static RootCause explain(Breakdown hour, Breakdown shares, double expectedTotal) {
        Map<String, Double> actual = hour.toMap();
        Map<String, Double> share = shares == null ? Map.of() : shares.toMap();
        Map<String, Map<String, Contribution>> dims = new HashMap<>();
        for (Map.Entry<String, Double> e : actual.entrySet()) {
            String key = e.getKey();
            double expected = share.getOrDefault(key, 0.0) * expectedTotal;
            dims.computeIfAbsent(Breakdown.dimensionOf(key), k -> new HashMap<>())
                    .put(
                            key,
                            new Contribution(
                                    Breakdown.dimensionOf(key),
                                    Breakdown.valueOf(key),
                                    e.getValue(),
                                    expected));
        }
        for (Map.Entry<String, Double> e : share.entrySet()) {
            String dim = Breakdown.dimensionOf(e.getKey());
            Map<String, Contribution> values = dims.get(dim);
            if (values != null && !values.containsKey(e.getKey())) {
                values.put(
                        e.getKey(),
                        new Contribution(
                                dim,
                                Breakdown.valueOf(e.getKey()),
                                0,
                                e.getValue() * expectedTotal));
            }
        }
        Map<String, List<Contribution>> ranked = new LinkedHashMap<>();
        Contribution best = null;
        double bestScore = 0;
        for (Map.Entry<String, Map<String, Contribution>> dim : dims.entrySet()) {
            List<Contribution> list = new ArrayList<>(dim.getValue().values());
            list.sort(Comparator.comparingDouble(Contribution::excess).reversed());
            ranked.put(dim.getKey(), list.subList(0, Math.min(5, list.size())));
            for (Contribution c : list) {
                double score = informative(c, share);
                if (score > bestScore * 1.05
                        || (best != null
                                && score >= bestScore * 0.95
                                && preference(c.dimension) > preference(best.dimension))) {
                    if (score > bestScore) {
                        bestScore = score;
                    }
                    best = c;
                }
            }
        }
        if (best == null || best.excess() <= 0) {
            return null;
        }
        Contribution chosen = best;
        return new RootCause(chosen, ranked);
    }

    /** Excess discounted by how much of the key's spend the value usually carries. */
    private static double informative(Contribution c, Map<String, Double> share) {
        double usual = share.getOrDefault(c.dimension + "=" + c.value, 0.0);
        return Math.max(0, c.excess()) * (1 - Math.min(1, usual));
    }

    /**
     * Moves the usual shares towards this normal hour's (an exponential average over about two days
     * of hours), dropping values whose share has faded below 0.01%.
     */
    public static Breakdown learn(Breakdown shares, Breakdown hour, double total, double rate) {
        Map<String, Double> updated = new LinkedHashMap<>();
        Map<String, Double> current = shares == null ? Map.of() : shares.toMap();
        Map<String, Double> observed = hour.toMap();
        boolean first = current.isEmpty();
        for (Map.Entry<String, Double> e : current.entrySet()) {
            double now = total > 0 ? observed.getOrDefault(e.getKey(), 0.0) / total : 0;
            double share = (1 - rate) * e.getValue() + rate * now;
            if (share >= 1e-4) {
                updated.put(e.getKey(), share);
            }
        }
        if (total > 0) {
            for (Map.Entry<String, Double> e : observed.entrySet()) {
                if (!current.containsKey(e.getKey())) {
                    double share = (first ? 1 : rate) * e.getValue() / total;
                    if (share >= 1e-4) {
                        updated.put(e.getKey(), share);
                    }
                }
            }
        }
        Breakdown out = new Breakdown();
        out.fromMap(updated);
        return out;
    }
}
