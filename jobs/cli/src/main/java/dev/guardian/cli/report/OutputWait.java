package dev.guardian.cli.report;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits until every output of the required streams is non-zero, or the time is up, printing one
 * progress line per poll: the jobs' exactly-once outputs appear at their checkpoints, and a stream
 * that has produced nothing is named.
 */
final class OutputWait {

    private static final Duration POLL = Duration.ofSeconds(10);

    private final List<StreamReport> streams;
    private final String bootstrap;
    private final PrintStream out;

    OutputWait(List<StreamReport> streams, String bootstrap, PrintStream out) {
        this.streams = streams;
        this.bootstrap = bootstrap;
        this.out = out;
    }

    /**
     * Waits for every output and every injected incident; returns the outputs still empty when the
     * time ran out (none when all were there). An incident not found is the report's to show, not a
     * failure: detection is what the demo demonstrates, not what it assumes.
     */
    List<Output> await(Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (true) {
            List<Output> missing = missing();
            List<String> pending = pendingIncidents();
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            boolean done = missing.isEmpty() && pending.isEmpty();
            if (done || System.nanoTime() + POLL.toNanos() > deadline) {
                if (!limit.isZero()) {
                    out.println(progress(elapsed, missing, pending));
                }
                return missing;
            }
            out.println(progress(elapsed, missing, pending));
            Thread.sleep(POLL.toMillis());
        }
    }

    private List<String> pendingIncidents() throws InterruptedException {
        List<String> pending = new ArrayList<>();
        for (StreamReport stream : streams) {
            try {
                if (!stream.incidentFound()) {
                    pending.add(stream.stream());
                }
            } catch (IOException e) {
                pending.add(stream.stream());
            }
        }
        return pending;
    }

    private List<Output> missing() throws Exception {
        if (streams.isEmpty()) {
            return List.of();
        }
        Map<String, Long> topics = ReportCommand.topicCounts(bootstrap);
        List<Output> missing = new ArrayList<>();
        for (StreamReport stream : streams) {
            try {
                stream.outputs(topics).stream().filter(o -> !o.present()).forEach(missing::add);
            } catch (IOException e) {
                missing.add(new Output(stream.stream(), "answer (" + e.getMessage() + ")", 0));
            }
        }
        return missing;
    }

    private String progress(long elapsed, List<Output> missing, List<String> pending) {
        StringBuilder line = new StringBuilder("  [" + elapsed + " s]");
        for (StreamReport stream : streams) {
            List<String> waiting =
                    missing.stream()
                            .filter(o -> o.stream().equals(stream.stream()))
                            .map(Output::what)
                            .toList();
            line.append(' ')
                    .append(stream.stream())
                    .append(waiting.isEmpty() ? "" : " waiting for " + waiting)
                    .append(
                            pending.contains(stream.stream())
                                    ? (waiting.isEmpty() ? " " : ", ") + "incident not found yet"
                                    : (waiting.isEmpty() ? " ok" : ""))
                    .append(';');
        }
        return line.toString();
    }
}
