package dev.guardian.logs.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateLogsSettingsTest {

    private static GenerateLogsSettings parse(String... args) {
        return GenerateLogsSettings.parse(Args.parse(List.of(args)));
    }

    @Test
    void defaultsAndIncidents() {
        GenerateLogsSettings d = parse();
        assertThat(d.rate()).isEqualTo(200);
        assertThat(d.liveLines()).isEqualTo(12_000);
        assertThat(d.backfillLines()).isZero();
        assertThat(d.incident()).isEmpty();

        GenerateLogsSettings s =
                parse(
                        "--rate",
                        "50",
                        "--duration",
                        "10m",
                        "--backfill",
                        "20m",
                        "--incident",
                        "error-burst",
                        "--encoding",
                        "json");
        assertThat(s.incidentService()).isEqualTo("checkout");
        assertThat(s.incidentAt()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.incidentDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.backfillLines()).isEqualTo(60_000);
        assertThat(s.encoding()).isEqualTo(LogEventEncoding.JSON);
        assertThat(
                        parse("--incident", "silent-service", "--incident-service", "search")
                                .incidentService())
                .isEqualTo("search");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThatThrownBy(() -> parse("--incident", "meltdown"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("new-exception");
        assertThatThrownBy(() -> parse("--incident", "error-burst", "--incident-service", "nope"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("api-gateway");
        assertThatThrownBy(() -> parse("--incident-at", "10s"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("need --incident");
        assertThatThrownBy(() -> parse("--rate", "0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse("--incident", "error-burst", "--incident-at", "2m"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse("--encoding", "xml")).isInstanceOf(UsageException.class);
    }
}
