package dev.guardian.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's checks that come before any Kafka I/O; sending is covered by TrafficKafkaIT. */
class ReplayMetricsCommandTest {

    @TempDir Path dir;

    private final ReplayMetricsCommand command =
            new ReplayMetricsCommand(new PrintStream(new ByteArrayOutputStream()));

    private int run(String... argv) throws Exception {
        return command.run(Args.parse(List.of(argv)));
    }

    @Test
    void parsesLabels() {
        assertThat(ReplayMetricsCommand.labels("env=demo, team = sre"))
                .containsExactly(
                        java.util.Map.entry("env", "demo"), java.util.Map.entry("team", "sre"));
        assertThatThrownBy(() -> ReplayMetricsCommand.labels("env"))
                .hasMessage("--labels: 'env' is not k=v");
        assertThatThrownBy(() -> ReplayMetricsCommand.labels("file=x"))
                .hasMessageContaining("'file' is set to each file's name");
    }

    @Test
    void expandsFoldersToTheirCsvFiles() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.csv"), "");
        Files.writeString(dir.resolve("sub/a.csv"), "");
        Files.writeString(dir.resolve("notes.txt"), "");

        assertThat(ReplayMetricsCommand.expand(List.of(dir.toString())))
                .containsExactly(dir.resolve("b.csv"), dir.resolve("sub/a.csv"));
        assertThatThrownBy(
                        () ->
                                ReplayMetricsCommand.expand(
                                        List.of(dir.resolve("nope.csv").toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aBadLineStopsTheReplayBeforeAnythingIsSent() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("bad.csv"), "timestamp,value\n2014-07-01 00:00:00,x\n");

        // The file is the word after the flag: it must still count as a file to replay.
        assertThatThrownBy(() -> run("--as-fast-as-possible", file.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessage(
                        "bad.csv line 2: value 'x' is not a number (--skip-bad skips such lines)");
    }

    @Test
    void rejectsContradictoryPacing() {
        assertThatThrownBy(() -> run("a.csv", "--speed", "10", "--as-fast-as-possible"))
                .hasMessage("--speed and --as-fast-as-possible exclude each other");
        assertThatThrownBy(() -> run("a.csv", "--speed", "-1")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> run("--skip-bad")).hasMessageStartingWith("no files to replay");
    }
}
