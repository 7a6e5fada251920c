package dev.guardian.common.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigurationTest {

    public static final ConfigOption<Integer> BATCH =
            ConfigOptions.key("test.batch").intType().defaultValue(10).withDescription("batch");

    private final List<ConfigOption<?>> known =
            JobConfiguration.optionsOf(KafkaOptions.class, JobConfigurationTest.class);

    @Test
    void readsCommandLineAndFileWithTheCommandLineLast(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "test.batch = 5\nguardian.kafka.bootstrap-servers=kafka:9092\n");

        Configuration conf =
                JobConfiguration.fromArgs(
                        new String[] {"--config", file.toString(), "--test.batch", "7"}, known);

        assertThat(conf.get(BATCH)).isEqualTo(7);
        assertThat(conf.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
    }

    @Test
    void namesTheUnknownKeyAndTheBadValue() {
        assertThatThrownBy(
                        () -> JobConfiguration.fromArgs(new String[] {"--test.bacth", "1"}, known))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown setting 'test.bacth'");
        assertThatThrownBy(
                        () ->
                                JobConfiguration.fromArgs(
                                        new String[] {"--test.batch", "many"}, known))
                .isInstanceOf(UsageException.class)
                .hasMessage("setting 'test.batch' has an invalid value 'many'");
        assertThatThrownBy(() -> JobConfiguration.fromArgs(new String[] {"--test.batch"}, known))
                .hasMessage("option --test.batch needs a value");
    }

    @Test
    void prefixedSinkOptionsAreKnownUnderTheirPrefix() {
        List<ConfigOption<?>> options =
                JobConfiguration.prefixed("clickhouse.", JobConfigurationTest.class);

        Configuration conf =
                JobConfiguration.fromArgs(new String[] {"--clickhouse.test.batch", "3"}, options);

        assertThat(conf.getString("clickhouse.test.batch", null)).isEqualTo("3");
    }
}
