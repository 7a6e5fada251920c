package dev.guardian.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One model of one series. {@link #update} first scores the point against what the model learnt
 * from earlier points, then learns it; the model never sees the future.
 *
 * <p>A detector is mutable and not thread-safe: Flink keeps one per key in keyed state. Its whole
 * state must survive {@link #writeState} and {@link #readState}, so that a restored detector scores
 * every later point exactly as the original would.
 */
public interface AnomalyDetector {

    /** Short stable name, e.g. {@code seasonal}, used in explanations and as the state tag. */
    DetectorKind kind();

    /**
     * Scores {@code value} observed at {@code timestampMillis} and learns it.
     *
     * @param timestampMillis event time; points arrive in time order (the caller drops the rest)
     * @param value a finite number (the caller filters NaN and infinities)
     * @param continuous false for the first point after a gap: differences across the gap are
     *     meaningless
     */
    Assessment update(long timestampMillis, double value, boolean continuous);

    /** Writes the complete state; {@link #readState} reads it back. */
    void writeState(DataOutput out) throws IOException;

    /** Replaces the state of this (fresh) detector with what {@link #writeState} wrote. */
    void readState(DataInput in) throws IOException;
}
