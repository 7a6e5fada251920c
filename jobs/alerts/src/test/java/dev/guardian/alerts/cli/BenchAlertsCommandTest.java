package dev.guardian.alerts.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options are checked before anything is created: these runs need no Kafka. */
class BenchAlertsCommandTest {

    private static void run(String... args) throws Exception {
        new BenchAlertsCommand().run(Args.parse(List.of(args)));
    }

    @Test
    void unknownOutputsAreAUsageError() {
        assertThatThrownBy(() -> run("--outputs", "clickhouse"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--outputs must be local or none");
    }

    @Test
    void aRateThatMakesNoIncidentIsAUsageError() {
        assertThatThrownBy(() -> run("--rate", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> run("--rate", "0.01", "--duration", "10s"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("at least one incident");
    }
}
