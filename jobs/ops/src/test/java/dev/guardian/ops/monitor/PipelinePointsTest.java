package dev.guardian.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinePointsTest {

    @Test
    void everyMetricIsAFloatPointTaggedWithJobAndMetric() {
        List<String> lines = PipelinePoints.lines(PipelineHealthTest.sample(0, 42, 1, 5));
        assertThat(lines)
                .contains(
                        "guardian_pipeline,job=guardian-metrics,metric=consumer_lag,source=monitor"
                                + " value=42.0 "
                                + PipelineHealthTest.T0)
                .contains(
                        "guardian_pipeline,job=guardian-metrics,metric=vertex_state_size_bytes,"
                                + "source=monitor,vertex=Series\\ anomaly\\ detection value=1500.0 "
                                + PipelineHealthTest.T0);
        assertThat(lines).allMatch(l -> l.matches(".* value=-?[0-9.E]+ \\d+"));
        assertThat(lines)
                .anyMatch(l -> l.contains("metric=checkpoints_failed") && l.contains("value=1.0"));
    }

    @Test
    void restMetricNamesMapToPipelineMetrics() {
        assertThat(
                        PipelineCollector.OperatorMetric.of(
                                "Source__Kafka_metrics_points.numRecordsOut"))
                .isEqualTo(PipelineCollector.OperatorMetric.RECORDS_IN);
        assertThat(
                        PipelineCollector.OperatorMetric.of(
                                "Kafka_metrics_points_dlq__Writer.numRecordsSend"))
                .isEqualTo(PipelineCollector.OperatorMetric.DEAD_LETTERS_SENT);
        assertThat(
                        PipelineCollector.OperatorMetric.of(
                                "ClickHouse_metric_points__Writer.numRecordsSend"))
                .isEqualTo(PipelineCollector.OperatorMetric.RECORDS_OUT);
        assertThat(
                        PipelineCollector.OperatorMetric.of(
                                "Decode_and_validate_metric_points.deadLetters"))
                .isEqualTo(PipelineCollector.OperatorMetric.DEAD_LETTERS);
        assertThat(
                        PipelineCollector.OperatorMetric.of(
                                "ClickHouse_metric_points__Committer.retries"))
                .isEqualTo(PipelineCollector.OperatorMetric.SINK_RETRIES);
        assertThat(PipelineCollector.OperatorMetric.of("numRecordsIn")).isNull();
        assertThat(PipelineCollector.firstOperator("Source: Kafka x -> Decode -> (A, B)"))
                .isEqualTo("Kafka x");
    }
}
