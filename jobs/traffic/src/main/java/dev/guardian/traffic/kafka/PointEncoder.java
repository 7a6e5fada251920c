package dev.guardian.traffic.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.traffic.model.BadRecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns points into the bytes of Kafka messages with the schemas' codec, and spoils them on purpose
 * when asked: the bad records look like what broken producers really send.
 */
public final class PointEncoder {

    /** How far ahead a far-future timestamp lies: well past any tolerated clock skew. */
    static final Duration FAR_FUTURE = Duration.ofDays(365);

    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
    private final WireFormat format;

    public PointEncoder(WireFormat format) {
        this.format = format;
    }

    public WireFormat format() {
        return format;
    }

    public static MetricPoint point(
            String name,
            Map<String, String> labels,
            long timestampMillis,
            double value,
            MetricType type,
            String unit) {
        return MetricPoint.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(timestampMillis))
                .setName(name)
                .setLabels(labels)
                .setValue(value)
                .setType(type)
                .setUnit(unit)
                .build();
    }

    public byte[] encode(MetricPoint point) {
        return format == WireFormat.AVRO ? codec.encode(point) : codec.toJsonBytes(point);
    }

    /** {@code point} made invalid in the way {@code kind} names. */
    public byte[] encodeBad(MetricPoint point, BadRecordKind kind) {
        MetricPoint bad = copy(point);
        switch (kind) {
            case NAN_VALUE:
                if (format == WireFormat.JSON) {
                    // JSON has no NaN literal; exporters write it as a string.
                    ObjectNode json = codec.toJsonNode(bad);
                    json.put("value", "NaN");
                    return json.toString().getBytes(StandardCharsets.UTF_8);
                }
                bad.setValue(Double.NaN);
                return encode(bad);
            case MISSING_NAME:
                if (format == WireFormat.JSON) {
                    ObjectNode json = codec.toJsonNode(bad);
                    json.remove("name");
                    return json.toString().getBytes(StandardCharsets.UTF_8);
                }
                bad.setName("");
                return encode(bad);
            case CORRUPT_BYTES:
                byte[] whole = encode(bad);
                return Arrays.copyOf(whole, whole.length / 2);
            case FAR_FUTURE_TIMESTAMP:
                bad.setTimestamp(bad.getTimestamp().plus(FAR_FUTURE));
                return encode(bad);
            default:
                throw new IllegalArgumentException("no encoding for " + kind);
        }
    }

    /**
     * A shallow copy. Not {@code newBuilder(point)}: its deep copy resolves the enum class by name,
     * which Avro 1.12 refuses for packages outside {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
     */
    private static MetricPoint copy(MetricPoint p) {
        return new MetricPoint(
                p.getTimestamp(),
                p.getName(),
                p.getLabels(),
                p.getValue(),
                p.getType(),
                p.getUnit());
    }

    /** The message key: the series key, so one series stays on one partition, in order. */
    public static byte[] key(String seriesKey) {
        return seriesKey.getBytes(StandardCharsets.UTF_8);
    }
}
