package dev.guardian.ops.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides when the pipeline itself is unhealthy, from successive samples of each job, and reports
 * only the changes (firing, then resolved once), so the alert router gets one event per incident.
 *
 * <ul>
 *   <li><b>falling behind</b>: consumer lag above the threshold and higher than it was one {@code
 *       lagWindow} ago; resolved when lag is back under the threshold or has shrunk over the
 *       window.
 *   <li><b>checkpoints failing</b>: a checkpoint failed since the previous sample, or the last
 *       completed one is older than {@code checkpointStaleAfter} while the job runs; resolved by a
 *       new completed checkpoint with no new failure.
 * </ul>
 */
public final class PipelineHealth {

    /** A rule's state changed for a job. */
    public record Change(
            String job,
            Rule rule,
            boolean firing,
            long startedAt,
            PipelineSample sample,
            String why) {}

    public enum Rule {
        FALLING_BEHIND,
        CHECKPOINTS_FAILING;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final long lagThreshold;
    private final Duration lagWindow;
    private final Duration checkpointStaleAfter;
    private final Map<String, Deque<PipelineSample>> history = new HashMap<>();
    private final Map<String, Long> firingSince = new HashMap<>();

    public PipelineHealth(long lagThreshold, Duration lagWindow, Duration checkpointStaleAfter) {
        this.lagThreshold = lagThreshold;
        this.lagWindow = lagWindow;
        this.checkpointStaleAfter = checkpointStaleAfter;
    }

    /** Takes the next sample of a job; returns the rules that started or stopped firing. */
    public List<Change> observe(PipelineSample sample) {
        Deque<PipelineSample> past = history.computeIfAbsent(sample.job(), j -> new ArrayDeque<>());
        PipelineSample previous = past.peekLast();
        PipelineSample windowAgo = null;
        for (PipelineSample p : past) {
            if (sample.time() - p.time() >= lagWindow.toMillis()) {
                windowAgo = p;
            }
        }
        List<Change> changes = new ArrayList<>();
        evaluate(changes, sample, Rule.FALLING_BEHIND, fallingBehind(sample, windowAgo));
        evaluate(changes, sample, Rule.CHECKPOINTS_FAILING, checkpointsFailing(sample, previous));
        past.addLast(sample);
        while (past.size() > 2
                && sample.time() - past.peekFirst().time() > 2 * lagWindow.toMillis()) {
            past.removeFirst();
        }
        return changes;
    }

    /** Why the job falls behind, or null if it does not. */
    String fallingBehind(PipelineSample now, PipelineSample windowAgo) {
        if (now.consumerLag() < 0 || now.consumerLag() <= lagThreshold) {
            return null;
        }
        if (windowAgo == null || windowAgo.consumerLag() < 0) {
            return null; // not enough history to call it growing
        }
        if (now.consumerLag() <= windowAgo.consumerLag()) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "consumer lag %,d records, up from %,d %d s ago (threshold %,d)",
                now.consumerLag(),
                windowAgo.consumerLag(),
                (now.time() - windowAgo.time()) / 1000,
                lagThreshold);
    }

    /** Why checkpoints are failing, or null if they are not. */
    String checkpointsFailing(PipelineSample now, PipelineSample previous) {
        if (previous != null && now.checkpointsFailed() > previous.checkpointsFailed()) {
            return String.format(
                    Locale.ROOT,
                    "%d checkpoint(s) failed in the last %d s (%d failed in all)",
                    now.checkpointsFailed() - previous.checkpointsFailed(),
                    (now.time() - previous.time()) / 1000,
                    now.checkpointsFailed());
        }
        boolean running = "RUNNING".equals(now.state());
        double age = now.lastCheckpointAgeSeconds();
        if (running && age > checkpointStaleAfter.toSeconds()) {
            return String.format(
                    Locale.ROOT,
                    "no checkpoint completed for %.0f s (expected within %d s)",
                    age,
                    checkpointStaleAfter.toSeconds());
        }
        return null;
    }

    private void evaluate(List<Change> changes, PipelineSample sample, Rule rule, String why) {
        String key = sample.job() + "/" + rule;
        Long since = firingSince.get(key);
        if (why != null && since == null) {
            firingSince.put(key, sample.time());
            changes.add(new Change(sample.job(), rule, true, sample.time(), sample, why));
        } else if (why == null && since != null) {
            firingSince.remove(key);
            changes.add(new Change(sample.job(), rule, false, since, sample, "back to normal"));
        }
    }
}
