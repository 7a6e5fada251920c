package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactlyOnceClickHouseWriterTest {

    private static final ClickHouseRowConverter<Integer> ROW = n -> Map.of("n", n);

    private static ExactlyOnceClickHouseWriter<Integer> writer(long restoredCheckpoint) {
        return new ExactlyOnceClickHouseWriter<>(ROW, "job.t", "run1", 3, restoredCheckpoint, 2);
    }

    @Test
    void holdsRowsUntilTheCheckpointThenSplitsThemIntoTokenedBatches() {
        ExactlyOnceClickHouseWriter<Integer> writer = writer(0);
        for (int n = 1; n <= 5; n++) {
            writer.write(n, null);
        }
        writer.flush(false);
        assertThat(writer.bufferedRows()).isEqualTo(5);

        List<ClickHouseCommittable> committables = new ArrayList<>(writer.prepareCommit());

        assertThat(committables)
                .extracting(ClickHouseCommittable::dedupToken)
                .containsExactly("job.t-run1-3-1-0", "job.t-run1-3-1-1", "job.t-run1-3-1-2");
        assertThat(committables)
                .extracting(ClickHouseCommittable::rowCount)
                .containsExactly(2, 2, 1);
        assertThat(new String(committables.get(2).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"n\":5}\n");
        assertThat(writer.bufferedRows()).isZero();
    }

    @Test
    void numbersCheckpointsAfterTheLastSnapshotAndNeverRepeats() {
        ExactlyOnceClickHouseWriter<Integer> writer = writer(0);
        writer.write(1, null);
        assertThat(writer.prepareCommit().iterator().next().dedupToken()).endsWith("-1-0");
        writer.snapshotState(1);

        writer.write(2, null);
        assertThat(writer.prepareCommit().iterator().next().dedupToken()).endsWith("-2-0");
        // checkpoint 3 was aborted before reaching this subtask; Flink snapshots 4 next
        writer.snapshotState(4);

        writer.write(3, null);
        assertThat(writer.prepareCommit().iterator().next().dedupToken()).endsWith("-5-0");
        // no snapshot in between (e.g. end of input): still a new number
        writer.write(4, null);
        assertThat(writer.prepareCommit().iterator().next().dedupToken()).endsWith("-6-0");
    }

    @Test
    void afterARestoreNumbersStartAboveTheRestoredCheckpointAndKeepTheRunId() {
        ExactlyOnceClickHouseWriter<Integer> writer = writer(41);
        writer.write(1, null);

        assertThat(writer.prepareCommit().iterator().next().dedupToken())
                .isEqualTo("job.t-run1-3-42-0");
        assertThat(writer.snapshotState(42)).containsExactly(new ClickHouseWriterState("run1"));
    }

    @Test
    void anEmptyCheckpointHasNoCommittables() {
        assertThat(writer(0).prepareCommit()).isEmpty();
    }
}
