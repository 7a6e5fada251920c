package dev.guardian.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingAccuracyTest {

    private static final List<String> TRUTH = List.of("E1", "E1", "E2", "E2", "E2", "E3");

    @Test
    void aPerfectGroupingScoresOneWhateverTheNames() {
        assertThat(GroupingAccuracy.of(TRUTH, List.of("a", "a", "b", "b", "b", "c")))
                .isEqualTo(1.0);
    }

    @Test
    void everyLineOfASplitGroupIsWrong() {
        // E2 split in two: its three lines are wrong, E1 and E3 are right.
        assertThat(GroupingAccuracy.of(TRUTH, List.of("a", "a", "b", "b", "x", "c")))
                .isEqualTo(3.0 / 6);
    }

    @Test
    void everyLineOfMergedGroupsIsWrong() {
        // E1 and E3 merged: their three lines are wrong, E2 is right.
        assertThat(GroupingAccuracy.of(TRUTH, List.of("a", "a", "b", "b", "b", "a")))
                .isEqualTo(3.0 / 6);
    }

    @Test
    void oneGroupForEverythingScoresZeroWhenThereAreSeveralEvents() {
        assertThat(GroupingAccuracy.of(TRUTH, List.of("a", "a", "a", "a", "a", "a"))).isZero();
    }

    @Test
    void rejectsListsOfDifferentLengths() {
        assertThatThrownBy(() -> GroupingAccuracy.of(TRUTH, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
