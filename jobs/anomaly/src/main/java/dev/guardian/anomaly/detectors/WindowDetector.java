package dev.guardian.anomaly.detectors;

import dev.guardian.anomaly.AnomalyDetector;
import dev.guardian.anomaly.Assessment;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Robust z-scores over a sliding window: of the value against the window's median and MAD, of the
 * change since the previous point against the recent changes, and of the mean of the last few
 * points (which catches a level shift before any single point looks extreme), and the length of the
 * current run of repeated values (a stuck sensor or a dead exporter flat-lines), each against its
 * own recent record.
 */
public final class WindowDetector implements AnomalyDetector {

    static final int SHORT_MEAN_POINTS = 6;
    static final int MIN_POINTS = 30;

    /**
     * Robust statistics are recomputed every this many points (a 256-point median barely moves).
     */
    static final int REFRESH_POINTS = 8;

    /** Floor of the change z-score: single jumps of noisy series are common. */
    static final double CHANGE_FLOOR = 5.0;

    private static final String[] FEATURES = {
        "window.level", "window.change", "window.shift", "window.flatline"
    };

    /** Shorter runs of repeated values are never a flat line. */
    static final int MIN_FLAT_RUN = 5;

    private final RingBuffer values;
    private final RingBuffer changes;
    private final RecordNormaliser[] normalisers = new RecordNormaliser[4];
    private final double[] scratch;
    private double previous = Double.NaN;
    private int run;

    /** Cached robust statistics: value median, value scale, change median, change scale. */
    private final double[] stats = new double[4];

    private int sinceRefresh;

    public WindowDetector(DetectorConfig config) {
        values = new RingBuffer(config.windowPoints());
        changes = new RingBuffer(config.windowPoints());
        scratch = new double[config.windowPoints()];
        for (int i = 0; i < normalisers.length; i++) {
            // a single change is the noisiest view: it needs the most to be extreme
            double floor = i == 1 ? CHANGE_FLOOR : RecordNormaliser.Z_FLOOR;
            normalisers[i] = new RecordNormaliser(config.normaliserHorizon(), 100, floor);
        }
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.WINDOW;
    }

    @Override
    public Assessment update(long timestampMillis, double value, boolean continuous) {
        run = value == previous ? run + 1 : 0;
        Assessment result = score(value, continuous);
        if (continuous && !Double.isNaN(previous)) {
            changes.add(value - previous);
        }
        values.add(value);
        previous = value;
        return result;
    }

    private Assessment score(double value, boolean continuous) {
        if (values.size() < MIN_POINTS) {
            return Assessment.none(FEATURES[0]);
        }
        if (sinceRefresh++ % REFRESH_POINTS == 0) {
            refresh();
        }
        double median = stats[0];
        double scale = stats[1];
        double[] z = new double[4];
        z[3] = run >= MIN_FLAT_RUN ? run : 0;
        z[0] = Math.abs(value - median) / scale;
        double shortMean =
                (value + values.meanOfNewest(SHORT_MEAN_POINTS - 1) * (SHORT_MEAN_POINTS - 1))
                        / SHORT_MEAN_POINTS;
        z[2] = Math.abs(shortMean - median) / scale;
        boolean haveChange = continuous && changes.size() >= MIN_POINTS && !Double.isNaN(previous);
        if (haveChange) {
            z[1] = Math.abs(value - previous - stats[2]) / stats[3];
        }
        double best = 0;
        int driver = 0;
        for (int i = 0; i < z.length; i++) {
            if (i == 1 && !haveChange) {
                continue;
            }
            double s = normalisers[i].update(z[i]);
            if (s > best) {
                best = s;
                driver = i;
            }
        }
        double band = 3 * scale;
        return new Assessment(best, median, median - band, median + band, FEATURES[driver]);
    }

    /** Median and scale of the values and of the changes; they move slowly, so not every point. */
    private void refresh() {
        int n = values.copyTo(scratch);
        double median = RobustStats.median(scratch, n);
        double floor = 1e-9 + 1e-6 * Math.abs(median);
        stats[0] = median;
        stats[1] = Math.max(RobustStats.MAD_TO_SIGMA * RobustStats.mad(scratch, n, median), floor);
        int m = changes.copyTo(scratch);
        if (m > 0) {
            double changeMedian = RobustStats.median(scratch, m);
            stats[2] = changeMedian;
            stats[3] =
                    Math.max(
                            RobustStats.MAD_TO_SIGMA * RobustStats.mad(scratch, m, changeMedian),
                            floor);
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        values.writeTo(out);
        changes.writeTo(out);
        for (RecordNormaliser n : normalisers) {
            n.writeTo(out);
        }
        out.writeDouble(previous);
        out.writeInt(run);
        for (double v : stats) {
            out.writeDouble(v);
        }
        out.writeInt(sinceRefresh);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        values.readFrom(in);
        changes.readFrom(in);
        for (RecordNormaliser n : normalisers) {
            n.readFrom(in);
        }
        previous = in.readDouble();
        run = in.readInt();
        for (int i = 0; i < stats.length; i++) {
            stats[i] = in.readDouble();
        }
        sinceRefresh = in.readInt();
    }
}
