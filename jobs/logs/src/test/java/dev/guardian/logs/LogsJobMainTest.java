package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.UsageException;
import dev.guardian.common.job.JobConfiguration;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.logs.decode.DecodeLimits;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class LogsJobMainTest {

    @Test
    void settingsAreTypedAndTyposAreErrors() {
        Configuration conf =
                JobConfiguration.fromArgs(
                        new String[] {
                            "--guardian.logs.max-message-bytes", "4096",
                            "--guardian.logs.alerts.resolve-after", "5 min",
                            "--elasticsearch.hosts", "http://es-1:9200;http://es-2:9200",
                            "--elasticsearch.batch.size", "500",
                            "--clickhouse.batch.size", "2000"
                        },
                        LogsJobMain.options());
        DecodeLimits limits = LogsJobOptions.decodeLimits(conf);
        assertThat(limits.maxMessageBytes()).isEqualTo(4096);
        assertThat(limits.maxRecordBytes()).isEqualTo(DecodeLimits.defaults().maxRecordBytes());
        assertThat(conf.get(LogsJobOptions.ALERT_RESOLVE_AFTER)).isEqualTo(Duration.ofMinutes(5));
        assertThat(conf.get(ElasticsearchOptions.HOSTS))
                .isEqualTo(List.of("http://es-1:9200", "http://es-2:9200"));
        assertThat(conf.get(LogsJobOptions.DATA_STREAM)).isEqualTo("logs-guardian-default");

        assertThatThrownBy(
                        () ->
                                JobConfiguration.fromArgs(
                                        new String[] {"--guardian.logs.max-mesage-bytes", "1"},
                                        LogsJobMain.options()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown setting 'guardian.logs.max-mesage-bytes'");
        assertThatThrownBy(
                        () ->
                                JobConfiguration.fromArgs(
                                        new String[] {"--guardian.logs.max-json-depth", "deep"},
                                        LogsJobMain.options()))
                .isInstanceOf(UsageException.class);
    }
}
