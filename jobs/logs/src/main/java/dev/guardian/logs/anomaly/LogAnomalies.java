package dev.guardian.logs.anomaly;

import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the anomaly records of the log rules: deterministic ids, links and evidence. */
final class LogAnomalies {

    static final String ELASTICSEARCH_LINK = "elasticsearch";

    private LogAnomalies() {}

    /** An anomaly with a deterministic id, so a replay produces the same record. */
    static Anomaly.Builder builder(String detector, String entity, String metric, long timeMillis) {
        return Anomaly.newBuilder()
                .setId(id(detector, entity, timeMillis))
                .setSource(Source.LOGS)
                .setEntity(entity)
                .setMetric(metric)
                .setTime(Instant.ofEpochMilli(timeMillis))
                .setDetector(detector)
                .setLabels(new LinkedHashMap<>())
                .setLinks(new LinkedHashMap<>())
                .setEvidence(new LinkedHashMap<>());
    }

    static String id(String detector, String entity, long timeMillis) {
        long hash = 0xcbf29ce484222325L;
        for (byte b :
                (detector + '\n' + entity + '\n' + timeMillis).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }

    /** Score in 0..1 from how many thresholds above normal a value is: 0.5 at the threshold. */
    static double score(double z, double threshold) {
        if (z <= 0) {
            return 0;
        }
        double ratio = z / threshold;
        return ratio / (1 + ratio);
    }

    static AnomalyGrade grade(double z, double threshold) {
        if (z >= 3 * threshold) {
            return AnomalyGrade.CRITICAL;
        }
        if (z >= 2 * threshold) {
            return AnomalyGrade.HIGH;
        }
        return AnomalyGrade.MEDIUM;
    }

    static void putExamples(Map<String, String> evidence, String[] examples) {
        for (int i = 0; i < examples.length; i++) {
            evidence.put("example_" + (i + 1), examples[i]);
        }
    }
}
