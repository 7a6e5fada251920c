package dev.guardian.logs.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grouping accuracy as {@code shared/data/EVAL.md} defines it: the fraction of lines whose
 * predicted group holds exactly the lines of their true group. A predicted group is correct as a
 * whole when all its lines share one true label and it holds every line with that label.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {}

    public static double of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "truth has " + truth.size() + " lines, prediction " + predicted.size());
        }
        if (truth.isEmpty()) {
            return 1.0;
        }
        Map<String, Integer> truthSizes = new HashMap<>();
        Map<String, Integer> predictedSizes = new HashMap<>();
        Map<String, Set<String>> truthsPerPrediction = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            truthSizes.merge(truth.get(i), 1, Integer::sum);
            predictedSizes.merge(predicted.get(i), 1, Integer::sum);
            truthsPerPrediction
                    .computeIfAbsent(predicted.get(i), k -> new HashSet<>())
                    .add(truth.get(i));
        }
        long correct = 0;
        for (Map.Entry<String, Set<String>> group : truthsPerPrediction.entrySet()) {
            Set<String> labels = group.getValue();
            int size = predictedSizes.get(group.getKey());
            if (labels.size() == 1 && truthSizes.get(labels.iterator().next()) == size) {
                correct += size;
            }
        }
        return (double) correct / truth.size();
    }
}
