package dev.guardian.logs.anomaly;

import java.io.Serializable;
import java.time.Duration;

/**
 * Thresholds of the log anomaly rules. Immutable; {@link #defaults()} is the job's default and
 * every {@code with...} returns a copy.
 */
public final class LogAnomalySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A never-seen template is not news while a service's templates are still being learnt. */
    long learningPeriodMillis = Duration.ofMinutes(15).toMillis();

    /** Weight of the latest minute in the baselines (about a 30-minute memory). */
    double alpha = 1.0 / 30;

    /** Minutes a baseline must have before it can flag anything. */
    long warmupMinutes = 10;

    double errorSpikeZ = 4.0;
    long errorSpikeMinErrors = 10;
    double errorSpikeMinRatio = 2.0;

    double templateSpikeZ = 5.0;
    long templateSpikeMinCount = 20;
    double templateSpikeMinRatio = 3.0;

    /** Only templates at least this frequent (per minute) are watched for drops. */
    double templateDropMinMean = 10.0;

    /** A minute counts as low below this fraction of the mean. */
    double templateDropFraction = 0.1;

    /** Consecutive low minutes that make a drop. */
    int templateDropMinutes = 2;

    /** Event time without a line after which a service is silent. */
    long silenceMillis = Duration.ofMinutes(5).toMillis();

    /** Only services with at least this many lines per minute are expected to keep talking. */
    double silenceMinRate = 1.0;

    /** State of a key is dropped after this long without a line. */
    long idleStateMillis = Duration.ofDays(1).toMillis();

    private LogAnomalySettings() {}

    public static LogAnomalySettings defaults() {
        return new LogAnomalySettings();
    }

    private LogAnomalySettings copy() {
        LogAnomalySettings c = new LogAnomalySettings();
        c.learningPeriodMillis = learningPeriodMillis;
        c.alpha = alpha;
        c.warmupMinutes = warmupMinutes;
        c.errorSpikeZ = errorSpikeZ;
        c.errorSpikeMinErrors = errorSpikeMinErrors;
        c.errorSpikeMinRatio = errorSpikeMinRatio;
        c.templateSpikeZ = templateSpikeZ;
        c.templateSpikeMinCount = templateSpikeMinCount;
        c.templateSpikeMinRatio = templateSpikeMinRatio;
        c.templateDropMinMean = templateDropMinMean;
        c.templateDropFraction = templateDropFraction;
        c.templateDropMinutes = templateDropMinutes;
        c.silenceMillis = silenceMillis;
        c.silenceMinRate = silenceMinRate;
        c.idleStateMillis = idleStateMillis;
        return c;
    }

    public LogAnomalySettings withLearningPeriod(Duration value) {
        LogAnomalySettings c = copy();
        c.learningPeriodMillis = value.toMillis();
        return c;
    }

    public LogAnomalySettings withWarmupMinutes(long value) {
        LogAnomalySettings c = copy();
        c.warmupMinutes = value;
        return c;
    }

    public LogAnomalySettings withSilence(Duration value) {
        LogAnomalySettings c = copy();
        c.silenceMillis = value.toMillis();
        return c;
    }

    public LogAnomalySettings withIdleState(Duration value) {
        LogAnomalySettings c = copy();
        c.idleStateMillis = value.toMillis();
        return c;
    }

    public LogAnomalySettings withErrorSpike(double z, long minErrors, double minRatio) {
        LogAnomalySettings c = copy();
        c.errorSpikeZ = z;
        c.errorSpikeMinErrors = minErrors;
        c.errorSpikeMinRatio = minRatio;
        return c;
    }

    public LogAnomalySettings withTemplateSpike(double z, long minCount, double minRatio) {
        LogAnomalySettings c = copy();
        c.templateSpikeZ = z;
        c.templateSpikeMinCount = minCount;
        c.templateSpikeMinRatio = minRatio;
        return c;
    }

    public LogAnomalySettings withTemplateDrop(double minMean, double fraction, int minutes) {
        LogAnomalySettings c = copy();
        c.templateDropMinMean = minMean;
        c.templateDropFraction = fraction;
        c.templateDropMinutes = minutes;
        return c;
    }

    public LogAnomalySettings withSilenceMinRate(double value) {
        LogAnomalySettings c = copy();
        c.silenceMinRate = value;
        return c;
    }

    public Duration learningPeriod() {
        return Duration.ofMillis(learningPeriodMillis);
    }

    public Duration silence() {
        return Duration.ofMillis(silenceMillis);
    }
}
