package dev.guardian.anomaly.detectors;

import dev.guardian.anomaly.AnomalyDetector;
import dev.guardian.anomaly.Assessment;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The default detector: several cheap detectors, the most surprised one speaks. */
public final class EnsembleDetector implements AnomalyDetector {

    private final AnomalyDetector[] members;

    public EnsembleDetector(DetectorConfig config) {
        members = new AnomalyDetector[] {new WindowDetector(config)};
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.ENSEMBLE;
    }

    @Override
    public Assessment update(long timestampMillis, double value, boolean continuous) {
        Assessment best = null;
        for (AnomalyDetector member : members) {
            Assessment a = member.update(timestampMillis, value, continuous);
            if (best == null || a.score() > best.score()) {
                best = a;
            }
        }
        return best;
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
