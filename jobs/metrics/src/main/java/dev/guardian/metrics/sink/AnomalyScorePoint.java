package dev.guardian.metrics.sink;

import dev.guardian.connectors.influxdb.InfluxPoint;
import dev.guardian.connectors.influxdb.InfluxPointConverter;
import dev.guardian.metrics.anomaly.AnomalyScore;
import java.time.Instant;
import java.util.List;

/**
 * A point's anomaly score as an InfluxDB point: measurement {@code anomaly_scores}, the rollups'
 * tags ({@code metric}, {@code series_id}, one per label), fields score, raw_score, value and, once
 * the model has them, expected, lower and upper; time = the point's. Same series and time, same
 * point: replays overwrite.
 */
public class AnomalyScorePoint implements InfluxPointConverter<AnomalyScore> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "anomaly_scores";

    @Override
    public List<InfluxPoint> toPoints(AnomalyScore score) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement(MEASUREMENT)
                        .tag("metric", score.name)
                        .tag("series_id", Long.toUnsignedString(score.seriesId));
        String[] labels = score.labels;
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i].equals("metric") && !labels[i].equals("series_id")) {
                point.tag(labels[i], labels[i + 1]);
            }
        }
        point.field("score", score.score).field("raw_score", score.rawScore);
        point.field("value", score.value);
        fieldIfKnown(point, "expected", score.expected);
        fieldIfKnown(point, "lower", score.lower);
        fieldIfKnown(point, "upper", score.upper);
        if (score.anomaly) {
            point.field("anomaly", true);
        }
        return List.of(point.time(Instant.ofEpochMilli(score.timestampMillis)).build());
    }

    private static void fieldIfKnown(InfluxPoint.Builder point, String field, double value) {
        if (Double.isFinite(value)) {
            point.field(field, value);
        }
    }
}
