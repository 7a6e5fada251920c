package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySecurityCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path OTRF =
            SharedData.resolve(
                    "security/otrf/datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration_2020-09-14011940.json");

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int run(String... args) throws Exception {
        return new ReplaySecurityCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(Args.parse(List.of(args)));
    }

    @Test
    void theOtrfDatasetIsShiftedToNowWithItsGapsKept() throws Exception {
        Path file = dir.resolve("out.jsonl");
        Instant before = Instant.now();
        assertThat(run(OTRF.toString(), "--out", file.toString())).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(103);
        Instant first = CloudTrailNormalizer.eventTime(JSON.readTree(lines.get(0)));
        Instant last = CloudTrailNormalizer.eventTime(JSON.readTree(lines.get(lines.size() - 1)));
        assertThat(last).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        // the dataset spans 00:44:20 to 01:13:20
        assertThat(Duration.between(first, last)).isEqualTo(Duration.ofMinutes(29));
        assertThat(out.toString()).contains("103 records from 1 files");
    }

    @Test
    void withoutShiftTheRecordsAreSentAsTheyWere() throws Exception {
        Path file = dir.resolve("out.jsonl");
        run(OTRF.toString(), "--shift-to-now", "false", "--out", file.toString());
        assertThat(Files.readAllLines(file).get(0)).contains("\"@timestamp\":\"2020-09-14T00:44:2");
    }

    @Test
    void envelopesGroupRecordsAndKeysNameThePrincipal() throws Exception {
        Path file = dir.resolve("out.jsonl");
        run(OTRF.toString(), "--envelope", "50", "--out", file.toString());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("Records")).hasSize(50);
        assertThat(ReplaySecurityCommand.principal(first.get("Records").get(0)))
                .isEqualTo("arn:aws:iam::123456789123:user/pedro");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThatThrownBy(() -> run()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> run(dir.resolve("none.json").toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> run(OTRF.toString(), "--envelope", "0"))
                .isInstanceOf(UsageException.class);
    }
}
