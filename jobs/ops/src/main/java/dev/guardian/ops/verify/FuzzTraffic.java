package dev.guardian.ops.verify;

import java.nio.ByteBuffer;
import java.util.Set;

/** Traffic with records the job must reject; each must reach the dead-letter topic, once. */
public interface FuzzTraffic extends Traffic {

    /** The values of the records to be dead-lettered (valid once {@link #next} has run out). */
    Set<ByteBuffer> rejected();

    /** Records that looked bad but that the job accepts (a mutation that kept a record valid). */
    long mutatedButValid();
}
