package dev.guardian.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void parsesValuesFlagsAndPositionals() {
        Args args =
                Args.parse(
                        List.of("a.csv", "--rate", "5_000", "--dry-run", "--duration=2m", "b.csv"));

        assertThat(args.intValue("rate", 1)).isEqualTo(5000);
        assertThat(args.flag("dry-run")).isTrue();
        assertThat(args.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(args.positional()).containsExactly("a.csv", "b.csv");
        args.rejectUnknown();
    }

    @Test
    void namesTheOptionInEveryMistake() {
        Args args = Args.parse(List.of("--rate", "fast", "--sped", "3"));

        assertThatThrownBy(() -> args.intValue("rate", 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("--rate must be a whole number, got 'fast'");
        assertThatThrownBy(args::rejectUnknown).hasMessage("unknown option --sped");
        assertThatThrownBy(() -> Args.parseDuration("--duration", "5 parsecs"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> args.requireString("data")).hasMessage("missing option --data");
    }
}
