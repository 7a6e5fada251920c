package dev.guardian.anomaly.flink;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Scores every point of a metric stream keyed by series: one {@link SeriesAnomalyScorer} per key in
 * Flink state, fed point by point. Emits a verdict for every point (dashboards plot the score);
 * {@link AnomalyResult#alert()} marks the points that open an anomaly.
 *
 * <p>Series that stop reporting are forgotten after {@code stateTtl} without a point.
 */
public final class SeriesAnomalyFunction
        extends KeyedProcessFunction<String, MetricObservation, SeriesScore> {

    private static final long serialVersionUID = 1L;

    /** Name of the keyed state holding each series' model. */
    public static final String STATE_NAME = "series-anomaly-model";

    private final DetectorConfig config;
    private final Duration stateTtl;
    private transient ValueState<SeriesAnomalyScorer> model;

    public SeriesAnomalyFunction(DetectorConfig config, Duration stateTtl) {
        this.config = Objects.requireNonNull(config, "config");
        this.stateTtl = stateTtl;
    }

    /** Keeps every series' model until the job drops its state. */
    public SeriesAnomalyFunction(DetectorConfig config) {
        this(config, null);
    }

    public static ValueStateDescriptor<SeriesAnomalyScorer> stateDescriptor(
            DetectorConfig config, Duration stateTtl) {
        ValueStateDescriptor<SeriesAnomalyScorer> descriptor =
                new ValueStateDescriptor<>(STATE_NAME, new SeriesAnomalyScorerSerializer(config));
        if (stateTtl != null) {
            descriptor.enableTimeToLive(
                    StateTtlConfig.newBuilder(stateTtl)
                            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                            .build());
        }
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        model = getRuntimeContext().getState(stateDescriptor(config, stateTtl));
    }

    @Override
    public void processElement(MetricObservation point, Context ctx, Collector<SeriesScore> out)
            throws Exception {
        SeriesAnomalyScorer scorer = model.value();
        if (scorer == null) {
            scorer = SeriesAnomalyScorer.create(config, point.kind);
        } else {
            // a job restored with a changed configuration applies it to every series
            scorer = scorer.reconfigured(config);
        }
        AnomalyResult result = scorer.feed(point.timestampMillis, point.value);
        model.update(scorer);
        out.collect(new SeriesScore(ctx.getCurrentKey(), result));
    }
}
