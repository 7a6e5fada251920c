package dev.guardian.traffic.model;

import java.util.Optional;

/**
 * Which slots of the stream carry a bad record instead of a good point, and of which kind. The
 * choice depends only on the seed and the slot number, so good points elsewhere do not move.
 */
public final class BadRecordPlan {

    private static final long PURPOSE = 0xBADBADL;
    private static final BadRecordKind[] KINDS = BadRecordKind.values();

    private final double ratio;
    private final long seed;

    /**
     * @param ratio share of slots that are bad, in [0, 1]
     */
    public BadRecordPlan(double ratio, long seed) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("bad-record ratio must be in [0, 1], got " + ratio);
        }
        this.ratio = ratio;
        this.seed = seed;
    }

    public Optional<BadRecordKind> forSlot(long slot) {
        if (ratio == 0 || Seeds.uniform(seed, slot, PURPOSE) >= ratio) {
            return Optional.empty();
        }
        int kind = (int) (Seeds.uniform(seed, slot, PURPOSE + 1) * KINDS.length);
        return Optional.of(KINDS[kind]);
    }
}
