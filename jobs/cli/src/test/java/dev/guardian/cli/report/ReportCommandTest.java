package dev.guardian.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.UsageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportCommandTest {

    @Test
    void requireAllNamesEveryStream() {
        assertThat(ReportCommand.required("all"))
                .containsExactly("metrics", "logs", "security", "billing", "alerts");
    }

    @Test
    void requireTakesAListAndNothingByDefault() {
        assertThat(ReportCommand.required("logs, billing")).containsExactly("logs", "billing");
        assertThat(ReportCommand.required("")).isEmpty();
    }

    @Test
    void anUnknownStreamIsAUsageError() {
        assertThatThrownBy(() -> ReportCommand.required("metrics,cost"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown stream 'cost'");
    }

    @Test
    void anOutputIsPresentOnlyWhenNonZero() {
        assertThat(new Output("logs", "lines", 1).present()).isTrue();
        assertThat(new Output("logs", "lines", 0).present()).isFalse();
    }

    @Test
    void incidentReportsAreNamedByStream() {
        Endpoints at = new Endpoints("k:1", "c", "e", "i", "f", "r", Path.of("demo"));
        assertThat(at.incident("billing")).isEqualTo(Path.of("demo", "billing-incident.json"));
    }

    @Test
    void longLinesAreClippedToOneLine() {
        assertThat(Text.clip("one\ntwo three", 8)).isEqualTo("one two…");
        assertThat(Text.clip("short", 8)).isEqualTo("short");
    }
}
