package dev.guardian.anomaly.detectors;

import dev.guardian.anomaly.AnomalyDetector;
import dev.guardian.anomaly.Assessment;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Robust seasonal baseline: the expected value of a point is the median, over the last few days, of
 * the series at the same time of day (slots of {@code 24h / SLOTS}, interpolated between
 * neighbouring slots). The residual is scored against the recent residuals' median absolute size,
 * alone (a point off its daily pattern) and averaged over the last few points (a pattern that
 * shifted or vanished, such as a flat line where the day should rise).
 */
public final class SeasonalDetector implements AnomalyDetector {

    static final int SLOTS = 96;
    static final int DAYS = 5;
    static final long DAY_MILLIS = 86_400_000L;
    static final long SLOT_MILLIS = DAY_MILLIS / SLOTS;
    static final int SHORT_MEAN_POINTS = 6;
    static final int MIN_DAYS = 2;
    static final int RESIDUAL_POINTS = 256;

    private static final String[] FEATURES = {"seasonal.level", "seasonal.shift"};

    /** Per slot, the last {@link #DAYS} daily slot means, as a ring. */
    private final float[] history = new float[SLOTS * DAYS];

    private final byte[] filled = new byte[SLOTS];
    private final byte[] head = new byte[SLOTS];
    private final RingBuffer residuals = new RingBuffer(RESIDUAL_POINTS);
    private final RecordNormaliser[] normalisers = new RecordNormaliser[2];
    private final double[] scratch = new double[RESIDUAL_POINTS];
    private final double[] daysScratch = new double[DAYS];
    private long currentSlot = Long.MIN_VALUE;
    private double slotSum;
    private int slotCount;
    private double residualScale;
    private int sinceRefresh;

    public SeasonalDetector(DetectorConfig config) {
        for (int i = 0; i < normalisers.length; i++) {
            normalisers[i] =
                    new RecordNormaliser(config.normaliserHorizon(), 100, RecordNormaliser.Z_FLOOR);
        }
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.SEASONAL;
    }

    @Override
    public Assessment update(long timestampMillis, double value, boolean continuous) {
        long slot = Math.floorDiv(timestampMillis, SLOT_MILLIS);
        if (slot != currentSlot) {
            closeSlot();
            currentSlot = slot;
        }
        slotSum += value;
        slotCount++;
        double expected = expected(timestampMillis);
        if (Double.isNaN(expected)) {
            return Assessment.none(FEATURES[0]);
        }
        double residual = value - expected;
        Assessment result = Assessment.none(FEATURES[0]);
        if (residuals.size() >= 30) {
            if (sinceRefresh++ % WindowDetector.REFRESH_POINTS == 0) {
                int n = residuals.copyTo(scratch);
                for (int i = 0; i < n; i++) {
                    scratch[i] = Math.abs(scratch[i]);
                }
                residualScale = RobustStats.MAD_TO_SIGMA * RobustStats.median(scratch, n);
            }
            double scale = Math.max(residualScale, 1e-9 + 1e-6 * Math.abs(expected));
            double level = Math.abs(residual) / scale;
            double shortMean =
                    (residual
                                    + residuals.meanOfNewest(SHORT_MEAN_POINTS - 1)
                                            * (SHORT_MEAN_POINTS - 1))
                            / SHORT_MEAN_POINTS;
            double shift = Math.abs(shortMean) / scale;
            double s0 = normalisers[0].update(level);
            double s1 = normalisers[1].update(shift);
            double band = 3 * scale;
            result =
                    new Assessment(
                            Math.max(s0, s1),
                            expected,
                            expected - band,
                            expected + band,
                            FEATURES[s0 >= s1 ? 0 : 1]);
        }
        residuals.add(residual);
        return result;
    }

    private void closeSlot() {
        if (slotCount == 0 || currentSlot == Long.MIN_VALUE) {
            return;
        }
        int s = (int) Math.floorMod(currentSlot, (long) SLOTS);
        history[s * DAYS + head[s]] = (float) (slotSum / slotCount);
        head[s] = (byte) ((head[s] + 1) % DAYS);
        if (filled[s] < DAYS) {
            filled[s]++;
        }
        slotSum = 0;
        slotCount = 0;
    }

    /** Median of the slot's past days, interpolated towards the nearer neighbouring slot. */
    private double expected(long timestampMillis) {
        long inDay = Math.floorMod(timestampMillis, DAY_MILLIS);
        int slot = (int) (inDay / SLOT_MILLIS);
        double position = (inDay - slot * SLOT_MILLIS + 0.5) / SLOT_MILLIS - 0.5;
        double here = slotMedian(slot);
        if (Double.isNaN(here)) {
            return Double.NaN;
        }
        int neighbour = position < 0 ? (slot + SLOTS - 1) % SLOTS : (slot + 1) % SLOTS;
        double there = slotMedian(neighbour);
        if (Double.isNaN(there)) {
            return here;
        }
        double w = Math.abs(position);
        return (1 - w) * here + w * there;
    }

    private double slotMedian(int slot) {
        int n = filled[slot];
        if (n < MIN_DAYS) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            daysScratch[i] = history[slot * DAYS + i];
        }
        return RobustStats.median(daysScratch, n);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        for (float v : history) {
            out.writeFloat(v);
        }
        out.write(filled);
        out.write(head);
        residuals.writeTo(out);
        for (RecordNormaliser n : normalisers) {
            n.writeTo(out);
        }
        out.writeLong(currentSlot);
        out.writeDouble(slotSum);
        out.writeInt(slotCount);
        out.writeDouble(residualScale);
        out.writeInt(sinceRefresh);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        for (int i = 0; i < history.length; i++) {
            history[i] = in.readFloat();
        }
        in.readFully(filled);
        in.readFully(head);
        residuals.readFrom(in);
        for (RecordNormaliser n : normalisers) {
            n.readFrom(in);
        }
        currentSlot = in.readLong();
        slotSum = in.readDouble();
        slotCount = in.readInt();
        residualScale = in.readDouble();
        sinceRefresh = in.readInt();
    }

    @Override
    public String toString() {
        return "SeasonalDetector" + Arrays.toString(filled);
    }
}
