package dev.guardian.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import dev.guardian.traffic.kafka.WireFormat;
import dev.guardian.traffic.model.IncidentKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateSettingsTest {

    private static GenerateSettings parse(String... argv) {
        Args args = Args.parse(List.of(argv));
        GenerateSettings settings = GenerateSettings.parse(args);
        args.rejectUnknown();
        return settings;
    }

    @Test
    void defaultsSuitTheLocalStack() {
        GenerateSettings s = parse();

        assertThat(s.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.topic()).isEqualTo("metrics.points");
        assertThat(s.series()).isEqualTo(2_800);
        assertThat(s.format()).isEqualTo(WireFormat.AVRO);
        assertThat(s.incident()).isEmpty();
        assertThat(s.badRatio()).isZero();
        assertThat(s.start()).isEmpty();
        assertThat(s.totalPoints()).isEqualTo(60_000);
    }

    @Test
    void theIncidentStartsHalfwayAndLastsToTheEndByDefault() {
        GenerateSettings s =
                parse("--rate", "5000", "--duration", "5m", "--incident", "error-burst");

        assertThat(s.incident()).contains(IncidentKind.ERROR_BURST);
        assertThat(s.incidentAt()).isEqualTo(Duration.ofSeconds(150));
        assertThat(s.incidentDuration()).isEqualTo(Duration.ofSeconds(150));
        assertThat(s.totalPoints()).isEqualTo(1_500_000);
    }

    @Test
    void readsEveryOption() {
        GenerateSettings s =
                parse(
                        "--rate=250.5",
                        "--duration=2m",
                        "--series=70",
                        "--incident=flatline",
                        "--incident-at=30s",
                        "--incident-duration=1m",
                        "--incident-instances=2",
                        "--bad-ratio=0.01",
                        "--format=json",
                        "--seed=7",
                        "--start=2026-11-20T09:00:00Z",
                        "--bootstrap=kafka:9092",
                        "--topic=t",
                        "--max-in-flight=100");

        assertThat(s.rate()).isEqualTo(250.5);
        assertThat(s.incidentInstances()).isEqualTo(2);
        assertThat(s.incidentDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.format()).isEqualTo(WireFormat.JSON);
        assertThat(s.start()).contains(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(s.totalPoints()).isEqualTo(30_060);
    }

    @Test
    void namesTheOptionInEveryMistake() {
        assertThatThrownBy(() -> parse("--rate", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--incident", "meteor"))
                .hasMessageStartingWith("--incident: unknown incident 'meteor'");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "--duration",
                                        "1m",
                                        "--incident",
                                        "flatline",
                                        "--incident-at",
                                        "2m"))
                .hasMessageContaining("--incident-at");
        assertThatThrownBy(() -> parse("--incident-at", "10s"))
                .hasMessageContaining("need --incident KIND");
        assertThatThrownBy(() -> parse("--bad-ratio", "2")).hasMessageContaining("--bad-ratio");
        assertThatThrownBy(() -> parse("--format", "xml"))
                .hasMessage("--format must be avro or json, got 'xml'");
        assertThatThrownBy(() -> parse("--start", "yesterday")).hasMessageContaining("--start");
        assertThatThrownBy(() -> parse("--sedd", "1")).hasMessage("unknown option --sedd");
    }
}
