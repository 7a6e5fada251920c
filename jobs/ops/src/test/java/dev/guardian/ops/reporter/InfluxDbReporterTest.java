package dev.guardian.ops.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.junit.jupiter.api.Test;

class InfluxDbReporterTest {

    @Test
    void scopeVariablesBecomeTagsWithoutAttemptIds() {
        Map<String, String> tags =
                InfluxDbReporter.tags(
                        Map.of(
                                "<job_name>", "guardian-metrics",
                                "<job_id>", "4a7a4ea4",
                                "<task_attempt_id>", "x",
                                "<subtask_index>", "0",
                                "<host>", "tm-1"));
        assertThat(tags)
                .containsEntry("job_name", "guardian-metrics")
                .containsEntry("subtask_index", "0")
                .containsEntry("host", "tm-1")
                .containsEntry("source", "reporter")
                .doesNotContainKeys("job_id", "task_attempt_id");
    }

    @Test
    void eachKindOfMetricHasItsFields() {
        SimpleCounter counter = new SimpleCounter();
        counter.inc(7);
        assertThat(InfluxDbReporter.fields(counter)).containsEntry("value", 7.0);

        Gauge<Long> number = () -> 42L;
        Gauge<Boolean> flag = () -> true;
        Gauge<String> text = () -> "RUNNING";
        assertThat(InfluxDbReporter.fields(number)).containsEntry("value", 42.0);
        assertThat(InfluxDbReporter.fields(flag)).containsEntry("value", 1.0);
        assertThat(InfluxDbReporter.fields(text)).isEmpty();

        MeterView meter = new MeterView(new SimpleCounter(), 60);
        meter.markEvent(5);
        assertThat(InfluxDbReporter.fields(meter)).containsKeys("value", "count");

        DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(100);
        for (int i = 1; i <= 100; i++) {
            histogram.update(i);
        }
        Map<String, Double> h = InfluxDbReporter.fields(histogram);
        assertThat(h.get("count")).isEqualTo(100.0);
        assertThat(h.get("p99").doubleValue()).isGreaterThan(98);
        assertThat(h.get("p50").doubleValue()).isBetween(49.0, 52.0);
    }
}
