package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The job as {@code main} builds it, with the real sinks, without running it. */
class ProductionLogsSinksTest {

    @Test
    void theJobBuildsWithEveryOperatorNamedAndAUniqueUid() {
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        LogsJob.configure(env, conf);
        LogsJob.defineWorkflow(
                conf,
                env.fromData(
                                List.of(RawRecord.of(new byte[] {'{', '}'})),
                                TypeInformation.of(RawRecord.class))
                        .uid("test-source"),
                new ProductionLogsSinks(conf));

        List<Transformation<?>> all = new ArrayList<>();
        for (Transformation<?> t : env.getTransformations()) {
            all.addAll(t.getTransitivePredecessors());
        }
        List<String> uids =
                all.stream()
                        .distinct()
                        .filter(t -> t.getUid() != null)
                        .map(Transformation::getUid)
                        .toList();
        assertThat(uids).doesNotHaveDuplicates();
        assertThat(uids)
                .contains(
                        "logs-decode",
                        "logs-mine-templates",
                        "logs-alerts",
                        "logs-sink-elasticsearch-lines",
                        "logs-sink-clickhouse-anomalies",
                        "logs-sink-kafka-alerts",
                        "logs-sink-dead-letters");
        assertThat(env.getStreamGraph().getStreamNodes()).hasSizeGreaterThan(15);
    }
}
