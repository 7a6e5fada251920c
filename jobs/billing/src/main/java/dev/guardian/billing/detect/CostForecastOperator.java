package dev.guardian.billing.detect;

import dev.guardian.billing.forecast.CostForecaster;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.ForecastDefaults;
import dev.guardian.billing.forecast.Forecasters;
import dev.guardian.billing.forecast.SeriesWindow;
import dev.guardian.billing.record.CostChange;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.GuardianAvroTrust;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by billing account × service: the hourly spend of each key, its forecast and its anomalies.
 *
 * <ul>
 *   <li>Cost changes add to their open hour (total and breakdown by resource, SKU, region, sub
 *       account and tag); a change to an hour already closed corrects the history.
 *   <li>When the watermark passes the end of an hour, the hour closes: it is judged against the
 *       key's latest forecast (above the 95% band by at least the configured dollars and ratio is
 *       an anomaly, with its root cause), appended to the six-week history, and the key is queued
 *       for a new forecast from the next hour.
 *   <li>An hour that is still open is judged as its lines arrive: once its spend so far is already
 *       over the whole hour's band, the anomaly is raised at once, without waiting for the hour to
 *       close (billing exports arrive per hour, so this is as soon as the data exists).
 *   <li>Queued keys are forecast together, in one model call per batch: after all timers of a
 *       watermark have fired (before the watermark is forwarded, so forecasts are never late), when
 *       the batch is full, or when a key closes another hour while still queued.
 * </ul>
 *
 * <p>The forecaster is loaded in {@link #open()}: the trained DJL model of {@code
 * guardian.billing.model-dir}, else the statistical seasonal ensemble (logged). Forecasts are the
 * main output; anomalies and alerts leave through {@link #ANOMALIES} and {@link #ALERTS}.
 *
 * <p>A custom operator rather than a {@code KeyedProcessFunction} because micro-batching across
 * keys needs to run after the timers of a watermark and then switch the key context per result.
 */
public class CostForecastOperator extends AbstractStreamOperator<Forecast>
        implements OneInputStreamOperator<CostChange, Forecast>,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CostForecastOperator.class);
    private static final long HOUR = HourlyHistory.HOUR;

    public static final OutputTag<Anomaly> ANOMALIES =
            new OutputTag<>("cost-anomalies", AvroRecordTypeInfo.forRecord(Anomaly.class));
    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("cost-alerts", AvroRecordTypeInfo.forRecord(Alert.class));

    static final int HISTORY_HOURS = ForecastDefaults.HISTORY_DAYS * 24;
    static final int HORIZON_HOURS = (int) (ForecastDefaults.HORIZON_MILLIS / HOUR);

    private final CostWatchSettings settings;

    private transient CostForecaster forecaster;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient ValueState<HourlyHistory> history;
    private transient MapState<Long, OpenHour> openHours;
    private transient ValueState<StoredForecast> latestForecast;
    private transient ValueState<Breakdown> usualShares;
    private transient ValueState<CostIncidentState> incident;
    private transient ValueState<EntityInfo> entityInfo;
    private transient Map<String, Long> queued;
    private transient Counter anomalies;
    private transient Counter forecasts;
    private transient Counter corrections;

    public CostForecastOperator(CostWatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() throws Exception {
        super.open();
        GuardianAvroTrust.install();
        forecaster = Forecasters.forJob(settings.modelDir, LOG);
        timers = getInternalTimerService("hour-close", VoidNamespaceSerializer.INSTANCE, this);
        history =
                getPartitionedState(
                        new ValueStateDescriptor<>(
                                "hourly-history", TypeInformation.of(HourlyHistory.class)));
        openHours =
                getPartitionedState(
                        new MapStateDescriptor<>(
                                "open-hours", Types.LONG, TypeInformation.of(OpenHour.class)));
        latestForecast =
                getPartitionedState(
                        new ValueStateDescriptor<>(
                                "latest-forecast", TypeInformation.of(StoredForecast.class)));
        usualShares =
                getPartitionedState(
                        new ValueStateDescriptor<>(
                                "usual-shares", TypeInformation.of(Breakdown.class)));
        incident =
                getPartitionedState(
                        new ValueStateDescriptor<>(
                                "open-incident", TypeInformation.of(CostIncidentState.class)));
        entityInfo =
                getPartitionedState(
                        new ValueStateDescriptor<>("entity", TypeInformation.of(EntityInfo.class)));
        queued = new LinkedHashMap<>();
        anomalies = getMetricGroup().counter("costAnomalies");
        forecasts = getMetricGroup().counter("forecasts");
        corrections = getMetricGroup().counter("historyCorrections");
    }

    @Override
    public void processElement(StreamRecord<CostChange> element) throws Exception {
        CostChange change = element.getValue();
        String key = (String) getCurrentKey();
        if (entityInfo.value() == null) {
            entityInfo.update(EntityInfo.of(key, change));
        }
        double amount = change.effectiveCost.doubleValue();
        long hour = Math.floorDiv(change.periodStart, HOUR) * HOUR;
        HourlyHistory past = history.value();
        if (past != null && past.isClosed(hour)) {
            if (past.correct(hour, amount)) {
                history.update(past);
                corrections.inc();
            }
            return;
        }
        OpenHour open = openHours.get(hour);
        if (open == null) {
            open = new OpenHour();
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, hour + HOUR - 1);
        }
        open.total += amount;
        open.breakdown.add(change, amount);
        open.dataTime = Math.max(open.dataTime, change.periodEnd);
        if (!open.flagged && amount > 0) {
            open.flagged = judge(hour, open, true);
        }
        openHours.put(hour, open);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        // fire this watermark's timers (hours closing, keys queued), forecast the batch, and only
        // then forward the watermark, so no forecast is ever behind it
        getTimeServiceManager().orElseThrow().advanceWatermark(mark);
        forecastQueued();
        output.emitWatermark(mark);
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        String key = timer.getKey();
        long hour = timer.getTimestamp() + 1 - HOUR;
        if (queued.containsKey(key)) {
            forecastQueued(); // its forecast for this hour is still in the batch
            setCurrentKey(key);
        }
        OpenHour open = openHours.get(hour);
        openHours.remove(hour);
        if (open == null) {
            return;
        }
        HourlyHistory past = history.value();
        if (past == null) {
            past = new HourlyHistory();
        }
        boolean anomalous = open.flagged || judge(hour, open, false);
        if (!anomalous) {
            usualShares.update(
                    RootCause.learn(
                            usualShares.value(), open.breakdown, open.total, settings.shareRate));
            CostIncidentState current = incident.value();
            // hours before the incident began may close after its first hour was flagged early:
            // only normal hours after its start count towards resolving it
            if (current != null
                    && hour > current.startHour
                    && ++current.normalHours >= settings.resolveAfterHours) {
                output.collect(
                        ALERTS,
                        new StreamRecord<>(
                                CostAnomalies.resolved(
                                        entityInfo.value(), current, hour, settings.dashboardUrl),
                                timer.getTimestamp()));
                incident.clear();
            } else if (current != null) {
                incident.update(current);
            }
        }
        past.close(hour, open.total, HISTORY_HOURS);
        history.update(past);
        if (past.length() >= settings.forecastMinHistoryHours) {
            queued.put(key, hour + HOUR);
            if (queued.size() >= settings.batchSize) {
                forecastQueued();
                setCurrentKey(key);
            }
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

    /**
     * Judges an hour against the key's forecast; raises the anomaly (and opens or continues the
     * incident) when it is over. An open hour is judged on its spend so far against the band of the
     * whole hour, so it can only be flagged early, never cleared early.
     */
    private boolean judge(long hour, OpenHour open, boolean partial) throws Exception {
        HourlyHistory past = history.value();
        CostIncidentState current = incident.value();
        StoredForecast forecast =
                current != null && current.reference != null && current.reference.indexOf(hour) >= 0
                        ? current.reference
                        : latestForecast.value();
        if (past == null || past.length() < settings.minHistoryHours || forecast == null) {
            return false;
        }
        int index = forecast.indexOf(hour);
        if (index < 0) {
            return false;
        }
        double expected = forecast.expected[index];
        double upper = forecast.upper95[index];
        double actual = open.total;
        if (actual < upper + settings.minExcess || actual < settings.minRatio * expected) {
            return false;
        }
        EntityInfo entity = entityInfo.value();
        RootCause cause = RootCause.explain(open.breakdown, usualShares.value(), expected);
        CostAnomalies.Observation observation =
                new CostAnomalies.Observation(
                        entity,
                        hour,
                        actual,
                        expected,
                        forecast.lower95[index],
                        upper,
                        partial,
                        cause,
                        forecaster.name());
        Anomaly anomaly =
                CostAnomalies.anomaly(observation, settings.minExcess, settings.dashboardUrl);
        long dataTime = Math.max(open.dataTime, hour + HOUR);
        output.collect(ANOMALIES, new StreamRecord<>(anomaly, dataTime));
        anomalies.inc();
        if (current == null) {
            current = new CostIncidentState();
            current.startHour = hour;
            current.reference = forecast;
            current.fingerprint = "billing-anomaly:" + entity.entity + ":" + hour;
            current.peakExcess = observation.excess();
            current.lastAnomalyId = anomaly.getId();
            output.collect(
                    ALERTS,
                    new StreamRecord<>(
                            CostAnomalies.firing(
                                    anomaly, observation, current, settings.dashboardUrl),
                            dataTime));
        } else {
            current.normalHours = 0;
            current.peakExcess = Math.max(current.peakExcess, observation.excess());
            current.lastAnomalyId = anomaly.getId();
        }
        incident.update(current);
        return true;
    }

    /** Forecasts every queued key in one call, stores each key's forecast and emits it. */
    private void forecastQueued() throws Exception {
        if (queued.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(queued.keySet());
        List<Long> origins = new ArrayList<>(queued.values());
        queued.clear();
        List<SeriesWindow> windows = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            setCurrentKey(keys.get(i));
            HourlyHistory past = history.value();
            long origin = origins.get(i);
            windows.add(
                    new SeriesWindow(
                            past.values,
                            origin,
                            HOUR,
                            HORIZON_HOURS,
                            ForecastDefaults.stepsToMonthEnd(origin, HOUR)));
        }
        List<ForecastBands> results = forecaster.forecast(windows);
        for (int i = 0; i < keys.size(); i++) {
            setCurrentKey(keys.get(i));
            long origin = origins.get(i);
            ForecastBands bands = results.get(i);
            latestForecast.update(StoredForecast.of(origin, bands));
            EntityInfo entity = entityInfo.value();
            HourlyHistory past = history.value();
            long monthStart = ForecastDefaults.monthStart(origin - 1);
            double soFar = past.sum(monthStart, origin);
            output.collect(
                    new StreamRecord<>(
                            ForecastRecords.hourly(
                                    entity, origin, bands, forecaster.name(), forecaster.version()),
                            origin - 1));
            output.collect(
                    new StreamRecord<>(
                            ForecastRecords.monthTotal(
                                    entity,
                                    origin,
                                    soFar,
                                    bands,
                                    forecaster.name(),
                                    forecaster.version()),
                            origin - 1));
            forecasts.inc();
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        // the queue is always drained before a watermark returns; this keeps it so by contract
        forecastQueued();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void close() throws Exception {
        if (forecaster != null) {
            forecaster.close();
        }
        super.close();
    }
}
