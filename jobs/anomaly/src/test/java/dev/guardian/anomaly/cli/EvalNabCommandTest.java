package dev.guardian.anomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalNabCommandTest {

    @TempDir Path dir;

    /** One 5-minute series with a spike at row 1500 and a window around it. */
    private Path dataset() throws Exception {
        Path data = dir.resolve("data/synthetic");
        Files.createDirectories(data);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            long minutes = 5L * i;
            String ts =
                    String.format(
                            "2020-01-%02d %02d:%02d:00",
                            1 + minutes / 1440, (minutes / 60) % 24, minutes % 60);
            double value = 10 + random.nextGaussian() + (i == 1500 ? 40 : 0);
            csv.append(ts).append(',').append(value).append('\n');
        }
        Files.writeString(data.resolve("spike.csv"), csv);
        Files.writeString(
                dir.resolve("windows.json"),
                "{\"synthetic/spike.csv\": [[\"2020-01-06 03:00:00.000000\","
                        + " \"2020-01-06 06:00:00.000000\"]]}");
        return dir.resolve("data");
    }

    private List<String> run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code =
                new EvalNabCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                        .run(Args.parse(List.of(args)));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void scoresEveryFileAndEndsWithTheThreeProfiles() throws Exception {
        Path data = dataset();
        Path out = dir.resolve("out");
        List<String> lines =
                run(
                        "--data", data.toString(),
                        "--windows", dir.resolve("windows.json").toString(),
                        "--out", out.toString());
        int n = lines.size();
        assertThat(lines.get(n - 3)).matches("NAB standard -?\\d+\\.\\d\\d");
        assertThat(lines.get(n - 2)).matches("NAB reward_low_FP_rate -?\\d+\\.\\d\\d");
        assertThat(lines.get(n - 1)).matches("NAB reward_low_FN_rate -?\\d+\\.\\d\\d");
        // the spike comes 2/3 into the window: y = -(1512 - 1500 + 1) / 37, 0.7 of the best score
        assertThat(Double.parseDouble(lines.get(n - 3).split(" ")[2])).isGreaterThan(80);
        assertThat(lines.get(0)).startsWith("synthetic/spike.csv").contains("detected 1");
        List<String> rows = Files.readAllLines(out.resolve("synthetic/spike.csv"));
        assertThat(rows).hasSize(2001);
        assertThat(rows.get(0)).startsWith("timestamp,value,anomaly_score");
        assertThat(rows.get(1501)).contains(",1,1");
    }

    @Test
    void crossValidationScoresEachFileWithSettingsChosenOnTheOthers() throws Exception {
        Path data = dataset();
        // the same series in a second category: whatever one file teaches fits the other exactly
        Files.createDirectories(data.resolve("copy"));
        Files.copy(data.resolve("synthetic/spike.csv"), data.resolve("copy/spike.csv"));
        Path windows = dir.resolve("windows.json");
        String window = "[[\"2020-01-06 03:00:00.000000\", \"2020-01-06 06:00:00.000000\"]]";
        Files.writeString(
                windows,
                "{\"synthetic/spike.csv\": " + window + ", \"copy/spike.csv\": " + window + "}");
        List<String> lines =
                run(
                        "--data", data.toString(),
                        "--windows", windows.toString(),
                        "--out", dir.resolve("out").toString(),
                        "--cross-validate", "2");
        int n = lines.size();
        assertThat(lines.get(n - 3)).matches("NAB held-out standard -?\\d+\\.\\d\\d");
        assertThat(lines.get(n - 2)).startsWith("NAB held-out reward_low_FP_rate ");
        assertThat(lines.get(n - 1)).startsWith("NAB held-out reward_low_FN_rate ");
        assertThat(lines.stream().filter(l -> l.startsWith("fold ")).count()).isEqualTo(2);
        String inSample = lines.get(n - 4);
        assertThat(inSample).startsWith("in-sample (threshold ");
        String heldOutStandard = lines.get(n - 3).split(" ")[3];
        assertThat(Double.parseDouble(heldOutStandard)).isGreaterThan(80);
        assertThat(inSample).contains(" " + heldOutStandard + " / ");
    }

    @Test
    void crossValidationNeedsTwoToAsManyFoldsAsFiles() throws Exception {
        Path data = dataset();
        for (String folds : List.of("1", "2")) {
            assertThatThrownBy(
                            () ->
                                    run(
                                            "--data", data.toString(),
                                            "--windows", dir.resolve("windows.json").toString(),
                                            "--out", dir.resolve("out").toString(),
                                            "--cross-validate", folds))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--cross-validate must be 2");
        }
    }

    @Test
    void missingDataFolderIsAOneLineUsageError() {
        assertThatThrownBy(
                        () ->
                                run(
                                        "--data", dir.resolve("nope").toString(),
                                        "--windows", dir.resolve("windows.json").toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--data")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badWindowsJsonIsAOneLineUsageError() throws Exception {
        Path data = dataset();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"synthetic/spike.csv\": [[\"2020-01-06\"");
        assertThatThrownBy(() -> run("--data", data.toString(), "--windows", bad.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("\n");
        Files.writeString(bad, "[1, 2]");
        assertThatThrownBy(() -> run("--data", data.toString(), "--windows", bad.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void unknownDetectorIsAUsageError() throws Exception {
        Path data = dataset();
        assertThatThrownBy(
                        () ->
                                run(
                                        "--data", data.toString(),
                                        "--windows", dir.resolve("windows.json").toString(),
                                        "--detector", "magic"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown detector 'magic'");
    }
}
