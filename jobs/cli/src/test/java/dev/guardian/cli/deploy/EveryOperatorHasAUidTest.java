package dev.guardian.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator of every job in the jar has an explicit uid. Without one Flink derives the
 * operator's id from its place in the graph, so any change to the topology (the point of {@code
 * guardian upgrade}) would orphan its state and the restore would be refused. The graph checked is
 * the one each job's own {@code main} builds, with every optional operator switched on.
 */
class EveryOperatorHasAUidTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(GuardianJob.class)
    void everyOperatorHasAnExplicitUid(GuardianJob job) throws Exception {
        StreamGraph graph = StreamGraphCapture.of(() -> runMain(job, settings(job)));

        assertThat(operatorsWithoutUid(graph))
                .as("operators of %s without a uid", job.cliName())
                .isEmpty();
        assertThat(graph.getStreamNodes()).hasSizeGreaterThan(2);
    }

    @Test
    void anOperatorWithoutUidIsFound() throws Exception {
        StreamGraph graph =
                StreamGraphCapture.of(
                        () -> {
                            StreamExecutionEnvironment env =
                                    StreamExecutionEnvironment.getExecutionEnvironment();
                            env.fromData(1, 2)
                                    .uid("numbers")
                                    .filter(Objects::nonNull)
                                    .name("forgotten")
                                    .sinkTo(new DiscardingSink<>())
                                    .uid("discard");
                            env.execute();
                        });
        assertThat(operatorsWithoutUid(graph)).containsExactly("forgotten");
    }

    private static List<String> operatorsWithoutUid(StreamGraph graph) {
        return graph.getStreamNodes().stream()
                .filter(n -> n.getTransformationUID() == null)
                .map(StreamNode::getOperatorName)
                .collect(Collectors.toList());
    }

    /** The settings each job needs to build its graph, and every option that adds an operator. */
    private List<String> settings(GuardianJob job) throws Exception {
        List<String> args = new ArrayList<>();
        switch (job) {
            case METRICS -> args.addAll(List.of("--guardian.metrics.drop-metrics", "debug_.*"));
            case SECURITY -> args.addAll(List.of("--guardian.security.rules-dir", ""));
            case ALERTS -> {
                Path rules = dir.resolve("router.yaml");
                Files.writeString(
                        rules,
                        "receivers:\n"
                                + "  - name: hook\n"
                                + "    type: webhook\n"
                                + "    url_env: GUARDIAN_UID_CHECK_WEBHOOK_URL\n"
                                + "routes:\n"
                                + "  - name: everything\n"
                                + "    receiver: hook\n");
                args.addAll(List.of("--guardian.alerts.config", rules.toString()));
            }
            default -> {}
        }
        return args;
    }

    private static void runMain(GuardianJob job, List<String> args) throws Exception {
        try {
            Class.forName(job.entryClass())
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
