package dev.guardian.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.logs.anomaly.LogAnomalySettings;
import dev.guardian.logs.eval.BglAnomalyEvalCommand.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class BglAnomalyEvalCommandTest {

    private static final long MINUTE = 60_000;

    @Test
    void flagsTheLinesOfTemplatesReportedAsNewAtWarningOrAbove() {
        List<Line> lines =
                List.of(
                        new Line(0, "INFO", "boot 1 done", false),
                        new Line(MINUTE, "FATAL", "machine check 0x1 seen", false), // learning
                        new Line(20 * MINUTE, "FATAL", "data TLB error interrupt 7", true),
                        new Line(21 * MINUTE, "FATAL", "data TLB error interrupt 9", true),
                        new Line(22 * MINUTE, "INFO", "a new info line 3", false),
                        new Line(23 * MINUTE, "SEVERE", "torus receiver 4 failed", false),
                        new Line(24 * MINUTE, "INFO", "boot 2 done", true));

        BglAnomalyEvalCommand.Result result =
                BglAnomalyEvalCommand.evaluate(lines, LogAnomalySettings.defaults());

        // TLB template reported (2 true positives), torus reported (1 false positive),
        // the anomalous "boot" line is missed
        assertThat(result.truePositives).isEqualTo(2);
        assertThat(result.falsePositives).isEqualTo(1);
        assertThat(result.falseNegatives).isEqualTo(1);
        assertThat(result.precision()).isEqualTo(2.0 / 3);
        assertThat(result.recall()).isEqualTo(2.0 / 3);
        assertThat(result.reportedTemplates).isEqualTo(2);
    }
}
