package dev.guardian.metrics.filter;

import dev.guardian.common.cli.UsageException;
import dev.guardian.metrics.MetricSample;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Drops the valid points of metrics nobody wants stored or watched (debug gauges, a per-request
 * histogram that explodes cardinality), like Prometheus' {@code metric_relabel_configs} action
 * {@code drop}: the whole metric name must match the regular expression. Dropped points are counted
 * ({@code pointsDropped}), not dead-lettered: they are valid, just unwanted.
 */
public class DropMetricsByName extends RichFilterFunction<MetricSample> {

    private static final long serialVersionUID = 1L;

    private final Pattern names;
    private transient Counter dropped;

    /**
     * @param regex the names to drop (Java syntax, matched against the whole name)
     * @throws UsageException if {@code regex} is not a regular expression
     */
    public DropMetricsByName(String regex) {
        try {
            this.names = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException(
                    "guardian.metrics.drop-metrics is not a regular expression: "
                            + e.getDescription()
                            + " near index "
                            + e.getIndex()
                            + " of '"
                            + regex
                            + "'");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        dropped = getRuntimeContext().getMetricGroup().counter("pointsDropped");
    }

    @Override
    public boolean filter(MetricSample sample) {
        if (names.matcher(sample.name).matches()) {
            dropped.inc();
            return false;
        }
        return true;
    }
}
