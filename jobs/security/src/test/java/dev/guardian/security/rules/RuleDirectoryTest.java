package dev.guardian.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDirectoryTest {

    static final String RULE =
            "title: Bucket deleted\n"
                    + "id: 11111111-2222-3333-4444-555555555555\n"
                    + "logsource:\n  product: aws\n  service: cloudtrail\n"
                    + "detection:\n  selection:\n    eventName: DeleteBucket\n"
                    + "  condition: selection\n"
                    + "level: medium\n";

    @Test
    void rulesAreNamedRelativeToTheDirectoryAsTheRulesTopicNamesThem(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("s3"));
        Files.writeString(dir.resolve("s3/bucket_deleted.yml"), RULE);
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        RuleDirectory.Loaded loaded = RuleDirectory.load(dir);
        assertThat(loaded.sources()).containsOnlyKeys("s3/bucket_deleted.yml");
        assertThat(loaded.compiled().summary()).isEqualTo("rules loaded 1/1");
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void aMalformedRuleIsReportedWithFileAndLineAndTheOthersLoad(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("good.yml"), RULE);
        Files.writeString(
                dir.resolve("broken.yml"),
                "title: Broken\nid: 22222222-2222-3333-4444-555555555555\ndetection:\n"
                        + "  selection:\n    eventName: [unclosed\n  condition: selection\n");
        RuleDirectory.Loaded loaded = RuleDirectory.load(dir);
        assertThat(loaded.compiled().rules()).hasSize(1);
        assertThat(loaded.problems()).hasSize(1);
        assertThat(loaded.problems().get(0).source()).isEqualTo("broken.yml");
        assertThat(loaded.problems().get(0).line()).isPositive();
    }

    @Test
    void everyRuleOfTheCloudTrailSetLoads() {
        RuleDirectory.Loaded loaded =
                RuleDirectory.load(SharedData.resolve("security/sigma-cloudtrail"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.compiled().loaded()).isEqualTo(loaded.compiled().documents());
        assertThat(loaded.sources()).containsKey("aws_cloudtrail_disable_logging.yml");
    }

    @Test
    void aMissingDirectoryIsAnErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleDirectory.load(dir.resolve("nope")))
                .hasMessageContaining("rules directory not found")
                .hasMessageContaining("nope");
    }
}
