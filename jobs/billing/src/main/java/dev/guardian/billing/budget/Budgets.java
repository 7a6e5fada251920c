package dev.guardian.billing.budget;

import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The budgets of a YAML file (format in jobs/billing/README.md). Read when the job is submitted, so
 * TaskManagers never need the file; every mistake names the budget and the key.
 */
public final class Budgets implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> METRICS = Set.of("effectiveCost", "billedCost", "listCost");
    private static final Set<String> BUDGET_KEYS =
            Set.of(
                    "id",
                    "name",
                    "amount",
                    "currency",
                    "metric",
                    "scope",
                    "thresholds",
                    "forecastAlert");
    private static final Set<String> SCOPE_KEYS =
            Set.of("billingAccountId", "subAccountId", "serviceName", "chargeCategory", "tags");

    public final List<Budget> budgets;

    public Budgets(List<Budget> budgets) {
        this.budgets = List.copyOf(budgets);
    }

    public static Budgets none() {
        return new Budgets(List.of());
    }

    public static Budgets read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return parse(root, file.toString());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new UsageException(file + ": not valid YAML: " + e.getMessage());
        }
    }

    public static Budgets parse(String yaml) {
        return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), "budgets");
    }

    static Budgets parse(Object root, String where) {
        if (!(root instanceof Map) || !(((Map<?, ?>) root).get("budgets") instanceof List)) {
            throw new UsageException(where + ": expected a top-level 'budgets:' list");
        }
        List<Budget> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object item : (List<?>) ((Map<?, ?>) root).get("budgets")) {
            if (!(item instanceof Map)) {
                throw new UsageException(where + ": every budget is a mapping");
            }
            Map<?, ?> b = (Map<?, ?>) item;
            String id = text(b.get("id"));
            String at =
                    where + ": budget " + (id == null ? "#" + (out.size() + 1) : "'" + id + "'");
            for (Object key : b.keySet()) {
                if (!BUDGET_KEYS.contains(String.valueOf(key))) {
                    throw new UsageException(
                            at + ": unknown key '" + key + "'; known: " + BUDGET_KEYS);
                }
            }
            if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9_.-]+")) {
                throw new UsageException(at + ": 'id' is required (letters, digits, . _ -)");
            }
            if (!ids.add(id)) {
                throw new UsageException(at + ": duplicate id");
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(String.valueOf(b.get("amount")));
            } catch (NumberFormatException e) {
                throw new UsageException(
                        at + ": 'amount' must be a number, got " + b.get("amount"));
            }
            if (amount.signum() <= 0) {
                throw new UsageException(at + ": 'amount' must be positive");
            }
            String currency = b.containsKey("currency") ? text(b.get("currency")) : "USD";
            String metric = b.containsKey("metric") ? text(b.get("metric")) : "effectiveCost";
            if (!METRICS.contains(metric)) {
                throw new UsageException(at + ": 'metric' must be one of " + METRICS);
            }
            Map<?, ?> scope =
                    b.get("scope") == null ? Map.of() : map(b.get("scope"), at + " scope");
            for (Object key : scope.keySet()) {
                if (!SCOPE_KEYS.contains(String.valueOf(key))) {
                    throw new UsageException(
                            at + ": unknown scope key '" + key + "'; known: " + SCOPE_KEYS);
                }
            }
            Map<String, List<String>> tags = new LinkedHashMap<>();
            if (scope.get("tags") != null) {
                map(scope.get("tags"), at + " scope.tags")
                        .forEach((k, v) -> tags.put(String.valueOf(k), strings(v)));
            }
            double[] thresholds =
                    b.get("thresholds") == null
                            ? new double[] {0.5, 0.8, 1.0}
                            : strings(b.get("thresholds")).stream()
                                    .mapToDouble(s -> threshold(s, at))
                                    .sorted()
                                    .toArray();
            boolean forecastAlert =
                    b.get("forecastAlert") == null
                            || Boolean.parseBoolean(String.valueOf(b.get("forecastAlert")));
            out.add(
                    new Budget(
                            id,
                            b.get("name") == null ? id : text(b.get("name")),
                            amount,
                            currency,
                            metric,
                            strings(scope.get("billingAccountId")),
                            strings(scope.get("subAccountId")),
                            strings(scope.get("serviceName")),
                            strings(scope.get("chargeCategory")),
                            tags,
                            thresholds,
                            forecastAlert));
        }
        return new Budgets(out);
    }

    private static double threshold(String text, String at) {
        String t = text.strip();
        double value;
        try {
            value =
                    t.endsWith("%")
                            ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
                            : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    at + ": threshold '" + text + "' is not a share like 0.8 or 80%");
        }
        if (!(value > 0 && value <= 10)) {
            throw new UsageException(
                    at + ": threshold " + text + " must be above 0 and at most 10 (1000%)");
        }
        return value;
    }

    private static Map<?, ?> map(Object value, String at) {
        if (!(value instanceof Map)) {
            throw new UsageException(at + ": expected a mapping");
        }
        return (Map<?, ?>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List) {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return Arrays.asList(String.valueOf(value));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
