package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.schemas.SharedTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OTRF's recorded EC2-proxy S3 exfiltration: 103 real CloudTrail records, one per line. */
class CloudTrailDatasetTest {
    private final RecordCodec<SecurityEvent> codec = RecordCodec.of(SecurityEvent.class);

    @Test
    void everyRecordIsNormalizedAndKeptVerbatim() throws IOException {
        Optional<Path> file =
                SharedTestData.file(
                        "security/otrf/datasets/atomic/aws/collection/"
                                + "ec2_proxy_s3_exfiltration_2020-09-14011940.json");
        assumeTrue(file.isPresent(), "shared OTRF dataset not present");
        List<String> lines =
                Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank())
                        .toList();

        for (String line : lines) {
            SecurityEvent event = codec.decode(line.getBytes(StandardCharsets.UTF_8));

            assertThat(event.getOriginalJson()).isEqualTo(line.strip());
            assertThat(event.getService()).endsWith(".amazonaws.com");
            assertThat(event.getOperation()).isNotBlank();
            assertThat(event.getActor()).isNotBlank();
            assertThat(event.getSourceIp()).isNotBlank();
            assertThat(event.getRegion()).isNotBlank();
            assertThat(event.getEventId()).isNotBlank();
            assertThat(event.getAccountId()).isEqualTo("123456789123");
            assertThat(event.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
        assertThat(lines).hasSize(103);
    }
}
