package dev.guardian.metrics.anomaly;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import dev.guardian.anomaly.SeriesKind;
import dev.guardian.anomaly.flink.SeriesAnomalyScorerSerializer;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.metrics.MetricSample;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores every point of a series with the series' own {@link SeriesAnomalyScorer} (keyed state) and
 * follows anomaly episodes: the point that opens an anomaly emits an {@link Anomaly} and, when no
 * episode is open, a FIRING {@link Alert}; the episode ends with a RESOLVED alert of the same
 * fingerprint after enough normal points in a row, or when the series falls silent (event-time
 * timer), and its state is cleared. Every scored point leaves as an {@link AnomalyScore} on {@link
 * #SCORES}.
 *
 * <p>Run it with {@link DetectSeriesAnomaliesOperator}, which keeps recent models deserialised
 * between points ({@link ModelCache}) instead of reading and writing state at every point.
 */
public class DetectSeriesAnomalies extends KeyedProcessFunction<Long, MetricSample, Anomaly> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("anomaly-alerts", AvroRecordTypeInfo.forRecord(Alert.class));
    public static final OutputTag<AnomalyScore> SCORES =
            new OutputTag<>("anomaly-scores", TypeInformation.of(AnomalyScore.class));

    static final String MODEL_STATE = "anomaly-model";
    static final String EPISODE_STATE = "anomaly-episode";

    private final AnomalySettings settings;
    private final AnomalyRecords records;
    private transient ValueState<SeriesAnomalyScorer> model;
    private transient ValueState<AnomalyEpisode> episode;
    private transient Counter anomalies;

    /** Set by {@link DetectSeriesAnomaliesOperator}; without it every point goes to state. */
    private transient ModelCache cache;

    public DetectSeriesAnomalies(AnomalySettings settings) {
        this.settings = settings;
        this.records = new AnomalyRecords(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<SeriesAnomalyScorer> modelDescriptor =
                new ValueStateDescriptor<>(
                        MODEL_STATE, new SeriesAnomalyScorerSerializer(settings.detector()));
        if (!settings.stateTtl().isZero()) {
            modelDescriptor.enableTimeToLive(
                    StateTtlConfig.newBuilder(settings.stateTtl())
                            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                            .build());
        }
        model = getRuntimeContext().getState(modelDescriptor);
        episode =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(EPISODE_STATE, AnomalyEpisode.class));
        anomalies = getRuntimeContext().getMetricGroup().counter("anomalies");
    }

    void useCache(ModelCache cache) {
        this.cache = cache;
    }

    /** Writes a model to state under the current key (the operator sets it). */
    void storeModel(SeriesAnomalyScorer scorer) throws java.io.IOException {
        model.update(scorer);
    }

    @Override
    public void processElement(MetricSample sample, Context ctx, Collector<Anomaly> out)
            throws Exception {
        SeriesAnomalyScorer scorer = cache == null ? null : cache.get(sample.seriesId);
        if (scorer == null) {
            scorer = model.value();
            if (scorer == null) {
                scorer =
                        SeriesAnomalyScorer.create(
                                settings.detector(),
                                sample.isCounter() ? SeriesKind.COUNTER : SeriesKind.GAUGE);
            } else {
                // a job restored with another detector configuration applies it to every series
                scorer = scorer.reconfigured(settings.detector());
            }
        }
        long before = scorer.points();
        AnomalyResult result = scorer.feed(sample.timestampMillis, sample.value);
        if (cache == null) {
            model.update(scorer);
        } else {
            cache.put(sample.seriesId, scorer);
        }
        if (scorer.points() == before) {
            return; // not scored: out of order, or the first point of a counter
        }
        ctx.output(SCORES, score(sample, result));

        AnomalyEpisode open = episode.value();
        if (result.alert()) {
            Anomaly anomaly = records.anomaly(sample, result, scorer.points());
            out.collect(anomaly);
            anomalies.inc();
            if (open == null) {
                open = start(sample, anomaly, ctx);
                ctx.output(ALERTS, records.firing(anomaly, open));
            } else {
                open.anomalies++;
            }
        }
        if (open != null) {
            follow(open, result, ctx);
        }
    }

    private AnomalyEpisode start(MetricSample sample, Anomaly anomaly, Context ctx) {
        AnomalyEpisode open = new AnomalyEpisode();
        open.fingerprint = AnomalyIds.fingerprint(sample.series);
        open.anomalyId = anomaly.getId();
        open.series = sample.series;
        open.name = sample.name;
        open.labels = sample.labels.clone();
        open.severity = AnomalyGrades.severity(anomaly.getGrade()).name();
        open.startedAtMillis = sample.timestampMillis;
        open.anomalies = 1;
        open.timerMillis = sample.timestampMillis + settings.resolveSilenceMillis();
        ctx.timerService().registerEventTimeTimer(open.timerMillis);
        return open;
    }

    /** Counts the point into the episode; ends it after enough normal points in a row. */
    private void follow(AnomalyEpisode open, AnomalyResult result, Context ctx) throws Exception {
        open.points++;
        open.peakScore = Math.max(open.peakScore, result.score());
        open.lastSeenMillis = result.timestampMillis();
        open.lastValue = result.value();
        open.lastExpected = result.expected();
        open.normalRun = result.score() < settings.resolveScore() ? open.normalRun + 1 : 0;
        if (open.normalRun >= settings.resolvePoints()) {
            ctx.timerService().deleteEventTimeTimer(open.timerMillis);
            ctx.output(
                    ALERTS,
                    records.resolved(
                            open,
                            result.timestampMillis(),
                            open.normalRun
                                    + " points in a row scored below "
                                    + AnomalyRecords.number(settings.resolveScore())
                                    + "."));
            episode.clear();
        } else {
            // the silence timer is moved lazily, when it fires, not at every point
            episode.update(open);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        AnomalyEpisode open = episode.value();
        if (open == null || timestamp != open.timerMillis) {
            return;
        }
        long silentSince = Math.max(open.lastSeenMillis, open.startedAtMillis);
        long due = silentSince + settings.resolveSilenceMillis();
        if (due > timestamp) {
            open.timerMillis = due;
            ctx.timerService().registerEventTimeTimer(due);
            episode.update(open);
            return;
        }
        ctx.output(
                ALERTS,
                records.resolved(
                        open,
                        timestamp,
                        "no point since "
                                + java.time.Instant.ofEpochMilli(silentSince)
                                + " (silent for "
                                + java.time.Duration.ofMillis(settings.resolveSilenceMillis())
                                + ")."));
        episode.clear();
    }

    private static AnomalyScore score(MetricSample sample, AnomalyResult result) {
        AnomalyScore score = new AnomalyScore();
        score.seriesId = sample.seriesId;
        score.name = sample.name;
        score.labels = sample.labels;
        score.timestampMillis = result.timestampMillis();
        score.value = result.value();
        score.expected = result.expected();
        score.lower = result.lower();
        score.upper = result.upper();
        score.score = result.score();
        score.rawScore = result.rawScore();
        score.anomaly = result.alert();
        return score;
    }
}
