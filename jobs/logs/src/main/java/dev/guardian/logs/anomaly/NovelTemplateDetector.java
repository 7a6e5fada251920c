package dev.guardian.logs.anomaly;

import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by service, after template mining: a line at WARN or above whose template was never seen
 * before is an anomaly, with the line as example and a query for every line of the template. A
 * service's first {@link LogAnomalySettings#learningPeriod()} (from its first line, event time)
 * only learns: at start every template is new. The state (first line time) is cleared after {@code
 * idleStateMillis} without a line.
 */
public class NovelTemplateDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-novel-template/1";

    private final LogAnomalySettings settings;
    private transient ValueState<Long> firstSeen;
    private transient ValueState<Long> cleanupTimer;

    public NovelTemplateDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        firstSeen =
                getRuntimeContext().getState(new ValueStateDescriptor<>("first-seen", Types.LONG));
        cleanupTimer =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("cleanup-timer", Types.LONG));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        Long first = firstSeen.value();
        if (first == null || record.timestampMillis < first) {
            first = record.timestampMillis;
            firstSeen.update(first);
        }
        Long timer = cleanupTimer.value();
        long nextCleanup =
                MinuteBuckets.nextWholeMinute(record.timestampMillis) + settings.idleStateMillis;
        if (timer == null || timer < nextCleanup) {
            cleanupTimer.update(
                    Cleanup.reschedule(
                            ctx.timerService(),
                            timer == null ? MinuteHistory.NONE : timer,
                            nextCleanup));
        }
        if (isReportable(record, first, settings)) {
            out.collect(anomaly(record));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        Long timer = cleanupTimer.value();
        if (timer != null && timer == timestamp) {
            firstSeen.clear();
            cleanupTimer.clear();
        }
    }

    /**
     * The rule itself: the line's template is new (not a merge), the line is at WARN or above, and
     * the service's learning period (from {@code firstSeenMillis}) is over.
     */
    public static boolean isReportable(
            LogRecord record, long firstSeenMillis, LogAnomalySettings settings) {
        return record.novelTemplate
                && record.isWarningOrAbove()
                && record.timestampMillis - firstSeenMillis >= settings.learningPeriodMillis;
    }

    private static Anomaly anomaly(LogRecord record) {
        double score = record.isError() ? ("FATAL".equals(record.severity) ? 1.0 : 0.9) : 0.7;
        AnomalyGrade grade =
                "FATAL".equals(record.severity)
                        ? AnomalyGrade.CRITICAL
                        : record.isError() ? AnomalyGrade.HIGH : AnomalyGrade.MEDIUM;
        Anomaly anomaly =
                LogAnomalies.builder(
                                DETECTOR,
                                record.service + "/" + record.templateId,
                                "new_template",
                                record.timestampMillis)
                        .setValue(1)
                        .setExpected(0.0)
                        .setUnit("1")
                        .setScore(score)
                        .setGrade(grade)
                        .setDriver(record.template)
                        .setExplanation(
                                "A never-seen kind of "
                                        + record.severity
                                        + " line in "
                                        + record.service
                                        + ": "
                                        + record.template)
                        .build();
        Map<String, String> labels = anomaly.getLabels();
        labels.put("service", record.service);
        labels.put("template_id", record.templateId);
        labels.put("severity", record.severity);
        Map<String, String> evidence = anomaly.getEvidence();
        evidence.put("template", record.template);
        evidence.put("example_1", MinuteBucket.cut(record.message));
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.query(
                                record.service,
                                record.templateId,
                                record.timestampMillis - MinuteBuckets.MINUTE,
                                record.timestampMillis + 15 * MinuteBuckets.MINUTE));
        return anomaly;
    }
}
