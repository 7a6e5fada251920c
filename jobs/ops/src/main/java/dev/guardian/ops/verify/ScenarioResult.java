package dev.guardian.ops.verify;

import java.util.List;

/**
 * The outcome of one scenario on one job.
 *
 * @param sent records acknowledged by Kafka (the run's "in")
 * @param faultAtSeconds when the fault began, from the first record sent; NaN without a fault
 * @param faultSeconds how long the fault lasted (outage, or kill until a new TaskManager joined)
 * @param recoverySeconds from the end of the fault until the job ran again with every task and had
 *     completed a checkpoint; NaN without a fault or if it never recovered
 * @param completeSeconds from the last record sent until every output was complete
 * @param problems what failed, besides the output counts (empty when the run passed)
 */
public record ScenarioResult(
        String job,
        Scenario scenario,
        long sent,
        List<OutputCount> outputs,
        long restarts,
        double faultAtSeconds,
        double faultSeconds,
        double recoverySeconds,
        double completeSeconds,
        List<String> problems) {

    /** A run that could not be carried out. */
    public static ScenarioResult failed(String job, Scenario scenario, String problem) {
        return new ScenarioResult(
                job,
                scenario,
                0,
                List.of(),
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(String.valueOf(problem)));
    }

    public boolean passed() {
        return problems.isEmpty() && outputs.stream().allMatch(OutputCount::exact);
    }

    public long duplicates() {
        return outputs.stream().mapToLong(o -> Math.max(0, o.duplicates())).sum();
    }

    public long lost() {
        return outputs.stream().mapToLong(OutputCount::lost).sum();
    }

    public long extra() {
        return outputs.stream().mapToLong(OutputCount::extra).sum();
    }
}
