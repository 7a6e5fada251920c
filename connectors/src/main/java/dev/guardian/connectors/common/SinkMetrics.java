package dev.guardian.connectors.common;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The metrics every Guardian sink reports, under the operator's group: {@code recordsSent}, {@code
 * batchesSent}, {@code retries}, {@code failures} (batches given up), {@code deadLettered} and the
 * {@code batchLatencyMs} histogram (first attempt to success, retries included). On a writer the
 * records also count in Flink's standard {@code numRecordsSend}.
 */
public final class SinkMetrics {

    private static final int LATENCY_WINDOW = 1024;

    private final Counter recordsSent;
    private final Counter batchesSent;
    private final Counter retries;
    private final Counter failures;
    private final Counter deadLettered;
    private final Histogram batchLatencyMs;
    private final Counter standardRecordsSend;
    private volatile long lastBatchLatencyMs;

    private SinkMetrics(MetricGroup group, Counter standardRecordsSend) {
        this.recordsSent = group.counter("recordsSent");
        this.batchesSent = group.counter("batchesSent");
        this.retries = group.counter("retries");
        this.failures = group.counter("failures");
        this.deadLettered = group.counter("deadLettered");
        this.batchLatencyMs =
                group.histogram(
                        "batchLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
        this.standardRecordsSend = standardRecordsSend;
    }

    /** Metrics of a sink writer; also feeds Flink's standard send counter and send-time gauge. */
    public static SinkMetrics forWriter(SinkWriterMetricGroup group) {
        SinkMetrics metrics = new SinkMetrics(group, group.getNumRecordsSendCounter());
        group.setCurrentSendTimeGauge(() -> metrics.lastBatchLatencyMs);
        return metrics;
    }

    /** Metrics of a committer or any other operator part. */
    public static SinkMetrics forGroup(MetricGroup group) {
        return new SinkMetrics(group, new SimpleCounter());
    }

    /** Metrics that go nowhere, for tools and tests. */
    public static SinkMetrics unregistered() {
        return forGroup(new UnregisteredMetricsGroup());
    }

    public void batchSent(int records, long latencyMs) {
        recordsSent.inc(records);
        standardRecordsSend.inc(records);
        batchesSent.inc();
        batchLatencyMs.update(latencyMs);
        lastBatchLatencyMs = latencyMs;
    }

    public void retry() {
        retries.inc();
    }

    public void failure() {
        failures.inc();
    }

    public void deadLettered(int records) {
        deadLettered.inc(records);
    }

    public long recordsSent() {
        return recordsSent.getCount();
    }

    public long batchesSent() {
        return batchesSent.getCount();
    }

    public long retries() {
        return retries.getCount();
    }

    public long failures() {
        return failures.getCount();
    }

    public long deadLettered() {
        return deadLettered.getCount();
    }

    public Histogram batchLatencyMs() {
        return batchLatencyMs;
    }
}
