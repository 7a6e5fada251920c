package dev.guardian.traffic.cli;

import dev.guardian.traffic.pacing.Ticker;
import java.io.PrintStream;
import java.time.Duration;

/** Progress lines every few seconds while sending, and the closing summary. */
final class Progress {

    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Ticker ticker;
    private final long startNanos;
    private long nextReportNanos;

    Progress(PrintStream out, Ticker ticker) {
        this.out = out;
        this.ticker = ticker;
        this.startNanos = ticker.nanoTime();
        this.nextReportNanos = startNanos + INTERVAL.toNanos();
    }

    void maybeReport(long points, long bad, int inFlight) {
        long now = ticker.nanoTime();
        if (now < nextReportNanos) {
            return;
        }
        nextReportNanos = now + INTERVAL.toNanos();
        double seconds = (now - startNanos) / 1e9;
        out.printf(
                "  [%4.0fs] %,d points sent, %,d bad, %,.0f/s, %,d awaiting ack%n",
                seconds, points, bad, (points + bad) / seconds, inFlight);
        out.flush();
    }

    void summary(String what, long points, long bad, long acknowledged, boolean interrupted) {
        double seconds = Math.max(1e-9, (ticker.nanoTime() - startNanos) / 1e9);
        out.printf(
                "%s%s: %,d points sent, %,d bad records sent, %,d acknowledged, %.1f s elapsed,"
                        + " %,.0f records/s%n",
                what,
                interrupted ? " (interrupted)" : "",
                points,
                bad,
                acknowledged,
                seconds,
                (points + bad) / seconds);
        out.flush();
    }
}
