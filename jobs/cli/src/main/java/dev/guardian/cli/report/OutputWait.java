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

    /** The outputs still empty when all were there (none) or the time ran out. */
    List<Output> await(Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (true) {
            List<Output> missing = missing();
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (missing.isEmpty() || System.nanoTime() + POLL.toNanos() > deadline) {
                if (!limit.isZero()) {
                    out.println(progress(elapsed, missing));
                }
                return missing;
            }
            out.println(progress(elapsed, missing));
            Thread.sleep(POLL.toMillis());
        }
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

    private String progress(long elapsed, List<Output> missing) {
        StringBuilder line = new StringBuilder("  [" + elapsed + " s]");
        for (StreamReport stream : streams) {
            List<String> waiting =
                    missing.stream()
                            .filter(o -> o.stream().equals(stream.stream()))
                            .map(Output::what)
                            .toList();
            line.append(' ')
                    .append(stream.stream())
                    .append(waiting.isEmpty() ? " ok" : " waiting for " + waiting)
                    .append(';');
        }
        return line.toString();
    }
}
