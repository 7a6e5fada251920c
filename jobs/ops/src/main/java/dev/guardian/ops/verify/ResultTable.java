package dev.guardian.ops.verify;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** How verification results are printed: a block per scenario, one summary table at the end. */
public final class ResultTable {

    private ResultTable() {}

    static void printScenario(ScenarioResult r, PrintStream out) {
        StringBuilder line = new StringBuilder("  ");
        line.append(
                String.format(
                        Locale.ROOT,
                        "%,d in; %d restart%s",
                        r.sent(),
                        r.restarts(),
                        r.restarts() == 1 ? "" : "s"));
        if (!Double.isNaN(r.faultAtSeconds())) {
            line.append(
                    String.format(
                            Locale.ROOT,
                            "; fault at %.1f s for %.1f s; recovered %s s after it ended",
                            r.faultAtSeconds(),
                            r.faultSeconds(),
                            seconds(r.recoverySeconds())));
        }
        line.append(
                String.format(
                        Locale.ROOT,
                        "; outputs complete %.1f s after the last record",
                        r.completeSeconds()));
        out.println(line);
        out.printf(
                "  %-52s %10s %10s %10s %8s %8s%n",
                "output", "expected", "out", "duplicates", "lost", "extra");
        for (OutputCount c : r.outputs()) {
            out.printf(
                    Locale.ROOT,
                    "  %-52s %,10d %,10d %10s %,8d %,8d  %s%n",
                    c.output(),
                    c.expected(),
                    c.out(),
                    c.duplicates() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", c.duplicates()),
                    c.lost(),
                    c.extra(),
                    c.exact() ? "OK" : "WRONG");
        }
        r.problems().forEach(p -> out.println("  PROBLEM: " + p));
        out.println("  => " + (r.passed() ? "PASSED" : "FAILED"));
        out.flush();
    }

    public static void printSummary(List<ScenarioResult> results, PrintStream out) {
        out.println();
        out.printf(
                "%-9s %-21s %9s %9s %10s %6s %6s %8s %9s %10s %9s  %s%n",
                "job",
                "scenario",
                "in",
                "out",
                "duplicates",
                "lost",
                "extra",
                "restarts",
                "fault s",
                "recovery s",
                "complete s",
                "result");
        for (ScenarioResult r : results) {
            long out0 = r.outputs().isEmpty() ? 0 : r.outputs().get(0).out();
            out.printf(
                    Locale.ROOT,
                    "%-9s %-21s %,9d %,9d %,10d %,6d %,6d %8d %9s %10s %9.1f  %s%n",
                    r.job(),
                    r.scenario().cliName(),
                    r.sent(),
                    out0,
                    r.duplicates(),
                    r.lost(),
                    r.extra(),
                    r.restarts(),
                    seconds(r.faultSeconds()),
                    seconds(r.recoverySeconds()),
                    r.completeSeconds(),
                    r.passed() ? "PASSED" : "FAILED");
        }
        long passed = results.stream().filter(ScenarioResult::passed).count();
        out.printf("%n%d passed, %d failed%n", passed, results.size() - passed);
        out.flush();
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f", s);
    }
}
