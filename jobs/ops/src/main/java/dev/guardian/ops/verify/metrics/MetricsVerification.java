package dev.guardian.ops.verify.metrics;

import dev.guardian.metrics.MetricsJob;
import dev.guardian.metrics.MetricsJobMain;
import dev.guardian.metrics.MetricsJobOptions;
import dev.guardian.ops.verify.FuzzTraffic;
import dev.guardian.ops.verify.Traffic;
import dev.guardian.ops.verify.VerifiedJob;

/** The metrics job under failure: generated metric traffic in, points and rollups out. */
public final class MetricsVerification implements VerifiedJob {

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public String entryClass() {
        return MetricsJobMain.class.getName();
    }

    @Override
    public String inputTopicKey() {
        return MetricsJobOptions.INPUT_TOPIC.key();
    }

    @Override
    public String deadLetterTopicKey() {
        return MetricsJobOptions.DEAD_LETTER_TOPIC.key();
    }

    @Override
    public Traffic traffic(long events, double eventsPerSecond, long seed, long startMillis) {
        return new MetricsTraffic(events, eventsPerSecond, seed, startMillis);
    }

    @Override
    public FuzzTraffic fuzz(
            long bad, long good, double eventsPerSecond, long seed, long startMillis) {
        return new MetricsFuzzTraffic(bad, good, eventsPerSecond, seed, startMillis);
    }

    @Override
    public String toString() {
        return MetricsJob.NAME;
    }
}
