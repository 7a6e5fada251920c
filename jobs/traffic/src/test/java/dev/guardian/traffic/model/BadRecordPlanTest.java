package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BadRecordPlanTest {

    @Test
    void spoilsAboutTheRequestedShareWithEveryKind() {
        BadRecordPlan plan = new BadRecordPlan(0.02, 42);
        Map<BadRecordKind, Integer> kinds = new EnumMap<>(BadRecordKind.class);
        int bad = 0;
        for (long slot = 0; slot < 100_000; slot++) {
            Optional<BadRecordKind> kind = plan.forSlot(slot);
            if (kind.isPresent()) {
                bad++;
                kinds.merge(kind.get(), 1, Integer::sum);
            }
        }

        assertThat(bad).isBetween(1_800, 2_200);
        assertThat(kinds).containsOnlyKeys(BadRecordKind.values());
        kinds.values().forEach(n -> assertThat(n).isBetween(400, 600));
    }

    @Test
    void dependsOnlyOnSeedAndSlot() {
        BadRecordPlan a = new BadRecordPlan(0.1, 7);
        BadRecordPlan b = new BadRecordPlan(0.1, 7);

        for (long slot = 1_000; slot >= 0; slot--) {
            assertThat(b.forSlot(slot)).isEqualTo(a.forSlot(slot));
        }
    }

    @Test
    void zeroMeansNone() {
        BadRecordPlan none = new BadRecordPlan(0, 7);

        for (long slot = 0; slot < 10_000; slot++) {
            assertThat(none.forSlot(slot)).isEmpty();
        }
        assertThatThrownBy(() -> new BadRecordPlan(1.5, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
