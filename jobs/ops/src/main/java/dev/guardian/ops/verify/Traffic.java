package dev.guardian.ops.verify;

import java.io.IOException;
import java.util.List;

/**
 * The input of one verification run and what the job's outputs must hold afterwards. Records are
 * generated on demand, so a 200,000-event run does not sit in memory; what the outputs must hold is
 * accumulated as they are.
 */
public interface Traffic {

    /** Records {@link #next} will return. */
    long size();

    /** The next record; call {@link #size} times. */
    TrafficRecord next();

    /**
     * Records sent after the traffic, one per partition, so event time passes the end of the
     * traffic and every window closes. They are not counted as results.
     */
    List<TrafficRecord> closing(int partitions);

    /** Compares the job's outputs with what the records sent should produce. */
    List<OutputCount> count(OutputQueries queries) throws IOException;
}
