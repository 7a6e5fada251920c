package dev.guardian.anomaly.detectors;

import dev.guardian.anomaly.AnomalyDetector;
import dev.guardian.anomaly.Assessment;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The default detector: cheap detectors on different views of the series (time of day, recent
 * window, changes, runs), each scored against its own record; the most surprised one gives the
 * score and names the feature. The expected value and band come from the seasonal baseline once it
 * has a few days of history, from the recent window before.
 */
public final class EnsembleDetector implements AnomalyDetector {

    private final AnomalyDetector[] members;

    public EnsembleDetector(DetectorConfig config) {
        members = new AnomalyDetector[] {new SeasonalDetector(config), new WindowDetector(config)};
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.ENSEMBLE;
    }

    @Override
    public Assessment update(long timestampMillis, double value, boolean continuous) {
        Assessment best = null;
        Assessment baseline = null;
        for (AnomalyDetector member : members) {
            Assessment a = member.update(timestampMillis, value, continuous);
            if (best == null || a.score() > best.score()) {
                best = a;
            }
            // members come most specific first: the first with an opinion gives the expectation
            if (baseline == null && !Double.isNaN(a.expected())) {
                baseline = a;
            }
        }
        if (baseline == null || baseline == best) {
            return best;
        }
        return new Assessment(
                best.score(),
                baseline.expected(),
                baseline.lower(),
                baseline.upper(),
                best.feature());
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        for (AnomalyDetector member : members) {
            member.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        for (AnomalyDetector member : members) {
            member.readState(in);
        }
    }
}
