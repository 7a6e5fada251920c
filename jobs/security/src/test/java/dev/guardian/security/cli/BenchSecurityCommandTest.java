package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options are checked before anything is created: these runs need no Kafka. */
class BenchSecurityCommandTest {

    private static void run(String... args) throws Exception {
        new BenchSecurityCommand(new PrintStream(new ByteArrayOutputStream()))
                .run(Args.parse(List.of(args)));
    }

    @Test
    void anUnknownStateBackendIsAUsageError() {
        assertThatThrownBy(() -> run("--state-backend", "memory"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--state-backend must be rocksdb or hashmap");
    }

    @Test
    void noPrincipalsIsAUsageError() {
        assertThatThrownBy(() -> run("--principals", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--principals");
    }

    @Test
    void taskThreadsAreTheOperatorChainsAndTheSourceFetcher() {
        assertThat(
                        TaskCpuMeter.isTaskThread(
                                "Source: Kafka security.events -> DecodeSecurityEvents (1/1)#0"))
                .isTrue();
        assertThat(
                        TaskCpuMeter.isTaskThread(
                                "Source Data Fetcher for Source: Kafka security.events (1/1)#0"))
                .isTrue();
        assertThat(TaskCpuMeter.isTaskThread("flink-pekko.actor.default-dispatcher-5")).isFalse();
        assertThat(TaskCpuMeter.isTaskThread("C2 CompilerThread0")).isFalse();
    }
}
