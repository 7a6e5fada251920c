package dev.guardian.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoghubEvalCommandTest {

    @TempDir Path dir;

    private String run(Path data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code =
                new LoghubEvalCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                        .run(Args.parse(List.of("--data", data.toString())));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void write(String system, String... rows) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(system));
        StringBuilder csv = new StringBuilder("LineId,Level,Content,EventId,EventTemplate\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        Files.writeString(folder.resolve(system + "_2k.log_structured.csv"), csv);
    }

    @Test
    void printsOneLinePerSystemAndTheMean() throws Exception {
        write(
                "Good",
                "1,INFO,\"Deleting block blk_1 file /a/b\",E1,x",
                "2,INFO,\"Deleting block blk_2 file /a/c\",E1,x",
                "3,WARN,\"Disk full, 3 KB left\",E2,x");
        write(
                "Split",
                // the truth puts both in one event, the miner cannot: GA 1/3 (only E2 right)
                "1,INFO,alpha done,E1,x",
                "2,INFO,beta done,E1,x",
                "3,INFO,\"Opened 4 files\",E2,x");

        assertThat(run(dir).lines())
                .containsExactly("GA Good 1.000", "GA Split 0.333", "GA mean 0.667");
    }

    @Test
    void failsWithAUsageErrorWhenNoFileIsFound() {
        assertThatThrownBy(() -> run(dir))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("_2k.log_structured.csv");
    }

    @Test
    void meetsTheTargetOnTheSharedLoghubData() throws Exception {
        Path loghub = SharedData.root().map(root -> root.resolve("loghub")).orElse(null);
        assumeTrue(loghub != null && Files.isDirectory(loghub), "shared Loghub data not present");

        List<String> lines = run(loghub).lines().toList();

        assertThat(lines).hasSizeGreaterThan(1);
        double mean = Double.parseDouble(lines.get(lines.size() - 1).split(" ")[2]);
        assertThat(mean).isGreaterThanOrEqualTo(0.92);
    }
}
