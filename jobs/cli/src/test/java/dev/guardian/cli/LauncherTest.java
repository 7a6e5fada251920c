package dev.guardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's answers to user mistakes: one line, exit code 2, never a stack trace. */
class LauncherTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Launcher.run(List.of(argv), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryRegisteredCommand() {
        assertThat(run("help")).isZero();
        assertThat(stderr()).contains("guardian submit JOB", "guardian jobs", "guardian report");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate", "things")).isEqualTo(Launcher.USAGE_ERROR);
        assertThat(stderr()).startsWith("guardian: unknown command 'frobnicate things'");
    }

    @Test
    void aBadOptionIsOneLineNamingIt() {
        assertThat(run("submit", "nosuchjob")).isEqualTo(Launcher.USAGE_ERROR);
        assertThat(stderr().lines().findFirst().orElse(""))
                .startsWith("guardian submit: unknown job 'nosuchjob'");
        assertThat(stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMisspeltOptionIsRejected() {
        assertThat(run("jobs", "--clustr", "http://x")).isEqualTo(Launcher.USAGE_ERROR);
        assertThat(stderr()).contains("unknown option --clustr");
    }
}
