package dev.guardian.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One NAB cost profile: how much a true positive, a missed window and a false positive weigh. */
public record NabProfile(String name, double tpWeight, double fnWeight, double fpWeight) {

    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 1.0, 0.11);
    public static final NabProfile REWARD_LOW_FP_RATE =
            new NabProfile("reward_low_FP_rate", 1.0, 1.0, 0.22);
    public static final NabProfile REWARD_LOW_FN_RATE =
            new NabProfile("reward_low_FN_rate", 1.0, 2.0, 0.11);

    /** NAB's three profiles in its own order, as in {@code profiles.json}. */
    public static List<NabProfile> defaults() {
        return List.of(STANDARD, REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE);
    }

    /** Reads NAB's {@code profiles.json}: {@code {name: {CostMatrix: {tpWeight, ...}}}}. */
    public static List<NabProfile> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(
                    "cannot read profiles " + file + ": " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("profiles " + file + ": expected a JSON object");
        }
        List<NabProfile> profiles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode costs = entry.getValue().path("CostMatrix");
            profiles.add(
                    new NabProfile(
                            entry.getKey(),
                            weight(file, entry.getKey(), costs, "tpWeight"),
                            weight(file, entry.getKey(), costs, "fnWeight"),
                            weight(file, entry.getKey(), costs, "fpWeight")));
        }
        if (profiles.isEmpty()) {
            throw new UsageException("profiles " + file + ": no profile defined");
        }
        return profiles;
    }

    private static double weight(Path file, String profile, JsonNode costs, String field) {
        JsonNode value = costs.get(field);
        if (value == null || !value.isNumber()) {
            throw new UsageException(
                    "profiles " + file + ": " + profile + ".CostMatrix." + field + " is missing");
        }
        return value.asDouble();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
