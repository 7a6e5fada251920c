package dev.guardian.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything Guardian knows about one series: its detector plus the bookkeeping around it (warm-up,
 * gaps, counter resets, alert cool-down). This is the per-key state of the metrics job: its keyed
 * function keeps one instance per series in Flink state and calls {@link #feed}; {@code guardian
 * eval nab} runs exactly this class over each file.
 *
 * <p>Points must come in event-time order per series; older points are ignored.
 */
public final class SeriesAnomalyScorer {

    private static final int STATE_VERSION = 1;

    /** Weight of a new interval in the typical-interval estimate. */
    private static final double INTERVAL_LEARNING_RATE = 0.05;

    private final DetectorConfig config;
    private final SeriesKind kind;
    private final AnomalyDetector detector;
    private long points;
    private long lastTimestamp = Long.MIN_VALUE;
    private double lastValue = Double.NaN;
    private double typicalIntervalMillis = Double.NaN;
    private int cooldownLeft;

    private SeriesAnomalyScorer(DetectorConfig config, SeriesKind kind, AnomalyDetector detector) {
        this.config = config;
        this.kind = kind;
        this.detector = detector;
    }

    /** A new, empty model for a gauge. */
    public static SeriesAnomalyScorer create(DetectorConfig config) {
        return create(config, SeriesKind.GAUGE);
    }

    /** A new, empty model for a series of the given kind. */
    public static SeriesAnomalyScorer create(DetectorConfig config, SeriesKind kind) {
        return new SeriesAnomalyScorer(config, kind, config.detector().create(config));
    }

    public DetectorConfig config() {
        return config;
    }

    public SeriesKind kind() {
        return kind;
    }

    /** Points the model has learnt from. */
    public long points() {
        return points;
    }

    /** Scores one point of the series and learns from it. */
    public AnomalyResult feed(long timestampMillis, double value) {
        String detectorName = detector.kind().label();
        if (!Double.isFinite(value)) {
            return AnomalyResult.ignored(timestampMillis, value, detectorName, PointStatus.MISSING);
        }
        if (timestampMillis < lastTimestamp) {
            return AnomalyResult.ignored(
                    timestampMillis, value, detectorName, PointStatus.OUT_OF_ORDER);
        }
        PointStatus status = PointStatus.SCORED;
        boolean continuous = true;
        if (lastTimestamp != Long.MIN_VALUE) {
            long interval = timestampMillis - lastTimestamp;
            if (!Double.isNaN(typicalIntervalMillis)
                    && interval > config.gapFactor() * typicalIntervalMillis) {
                continuous = false;
                status = PointStatus.GAP;
            }
            learnInterval(interval);
        }
        double scored = value;
        if (kind == SeriesKind.COUNTER) {
            double previous = lastValue;
            long interval = timestampMillis - lastTimestamp;
            lastValue = value;
            lastTimestamp = timestampMillis;
            if (Double.isNaN(previous) || interval <= 0) {
                return AnomalyResult.ignored(
                        timestampMillis, value, detectorName, PointStatus.WARMING_UP);
            }
            double increase = value - previous;
            if (increase < 0) {
                // the process restarted: the counter counts again from zero
                increase = value;
                status = PointStatus.COUNTER_RESET;
            }
            scored = increase * 1000.0 / interval;
        } else {
            lastValue = value;
            lastTimestamp = timestampMillis;
        }

        Assessment assessment = detector.update(timestampMillis, scored, continuous);
        points++;
        double score = assessment.score();
        boolean alert = false;
        double belowThreshold = Math.nextDown(config.threshold());
        if (points <= config.warmupPoints()) {
            status = PointStatus.WARMING_UP;
            score = Math.min(score, belowThreshold);
        } else if (cooldownLeft > 0) {
            cooldownLeft--;
            score = Math.min(score, belowThreshold);
            if (status == PointStatus.SCORED) {
                status = PointStatus.COOLDOWN;
            }
        } else if (score >= config.threshold()) {
            alert = true;
            cooldownLeft = config.cooldownPoints();
        }
        return new AnomalyResult(
                timestampMillis,
                scored,
                score,
                assessment.score(),
                assessment.expected(),
                assessment.lower(),
                assessment.upper(),
                detectorName,
                assessment.feature(),
                alert,
                status);
    }

    private void learnInterval(long interval) {
        if (interval <= 0) {
            return;
        }
        if (Double.isNaN(typicalIntervalMillis)) {
            typicalIntervalMillis = interval;
        } else {
            // clipped, so that one long pause does not make the next one look ordinary
            double clipped = Math.min(interval, 2.0 * typicalIntervalMillis);
            typicalIntervalMillis += INTERVAL_LEARNING_RATE * (clipped - typicalIntervalMillis);
        }
    }

    /**
     * This model under another configuration: the same learnt state when the detector kind is
     * unchanged, else a fresh model of the configured kind. The saved state does not depend on the
     * configuration's tunables, so this is how a restored job applies a changed configuration.
     */
    public SeriesAnomalyScorer reconfigured(DetectorConfig newConfig) {
        if (newConfig.equals(config)) {
            return this;
        }
        if (newConfig.detector() != detector.kind()) {
            return create(newConfig, kind);
        }
        try {
            return fromBytes(newConfig, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy series state", e);
        }
    }

    /** The state as bytes, as Flink stores it. */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        }
        return bytes.toByteArray();
    }

    public static SeriesAnomalyScorer fromBytes(DetectorConfig config, byte[] bytes)
            throws IOException {
        return readFrom(config, new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    /** Writes the complete state; {@link #readFrom} restores it. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeByte(kind.ordinal());
        out.writeByte(detector.kind().ordinal());
        out.writeLong(points);
        out.writeLong(lastTimestamp);
        out.writeDouble(lastValue);
        out.writeDouble(typicalIntervalMillis);
        out.writeInt(cooldownLeft);
        detector.writeState(out);
    }

    /** Reads what {@link #writeTo} wrote; the detector kind is the saved one. */
    public static SeriesAnomalyScorer readFrom(DetectorConfig config, DataInput in)
            throws IOException {
        int version = in.readByte();
        if (version != STATE_VERSION) {
            throw new IOException("unknown series scorer state version " + version);
        }
        SeriesKind kind = SeriesKind.values()[in.readByte()];
        DetectorKind detectorKind = DetectorKind.values()[in.readByte()];
        long points = in.readLong();
        long lastTimestamp = in.readLong();
        double lastValue = in.readDouble();
        double typicalInterval = in.readDouble();
        int cooldownLeft = in.readInt();
        AnomalyDetector detector = detectorKind.create(config);
        detector.readState(in);
        SeriesAnomalyScorer scorer = new SeriesAnomalyScorer(config, kind, detector);
        scorer.points = points;
        scorer.lastTimestamp = lastTimestamp;
        scorer.lastValue = lastValue;
        scorer.typicalIntervalMillis = typicalInterval;
        scorer.cooldownLeft = cooldownLeft;
        return scorer;
    }
}
