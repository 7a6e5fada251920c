package dev.guardian.logs.template;

import dev.guardian.logs.LogRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by service: gives every log record its template id, template text and parameters, and emits
 * a {@link TemplateEvent} to {@link #TEMPLATE_EVENTS} when a template is created or absorbs others.
 *
 * <p>The miner of a service lives in keyed state ({@link LogTemplateMinerSerializer}). Reading and
 * writing the whole miner on every record would cost a full (de)serialisation per line with
 * RocksDB, so the function keeps the live miners of its keys in memory and writes a miner back to
 * state at once when its templates change (new template, merge, eviction), and otherwise at most
 * every {@code flushInterval} of processing time. A restore therefore gives the exact template set
 * of the checkpoint, while counts and last-seen times may lag by up to that interval (the lines
 * replayed after the restore are counted again).
 */
public class MineTemplates extends KeyedProcessFunction<String, LogRecord, LogRecord> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<TemplateEvent> TEMPLATE_EVENTS =
            new OutputTag<>("template-events") {};

    /**
     * State holds copies, never the live miner: the heap backend snapshots state objects
     * asynchronously, and the live miner keeps changing.
     */
    private static final LogTemplateMinerSerializer SERIALIZER =
            LogTemplateMinerSerializer.INSTANCE;

    private final TemplateMinerConfig config;
    private final long flushIntervalMillis;

    private transient ValueState<LogTemplateMiner> minerState;
    private transient Map<String, LogTemplateMiner> live;
    private transient Set<String> flushPending;

    public MineTemplates(TemplateMinerConfig config, long flushIntervalMillis) {
        if (flushIntervalMillis <= 0) {
            throw new IllegalArgumentException("flush interval must be positive");
        }
        this.config = config;
        this.flushIntervalMillis = flushIntervalMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        minerState =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "template-miner", LogTemplateMinerSerializer.INSTANCE));
        live = new HashMap<>();
        flushPending = new HashSet<>();
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<LogRecord> out)
            throws Exception {
        String service = ctx.getCurrentKey();
        LogTemplateMiner miner = live.get(service);
        if (miner == null) {
            LogTemplateMiner stored = minerState.value();
            miner = stored == null ? new LogTemplateMiner(config) : SERIALIZER.copy(stored);
            live.put(service, miner);
        }
        int sizeBefore = miner.size();
        TemplateMatch match =
                miner.mine(record.message == null ? "" : record.message, record.timestampMillis);
        record.templateId = match.templateId();
        record.template = match.template();
        record.parameters = match.parameters().toArray(new String[0]);
        record.novelTemplate = match.isNewTemplate() && match.mergedIds().isEmpty();
        out.collect(record);

        boolean structural =
                match.isNewTemplate() || !match.mergedIds().isEmpty() || miner.size() != sizeBefore;
        if (structural) {
            ctx.output(TEMPLATE_EVENTS, event(service, miner, match, record.timestampMillis));
            minerState.update(SERIALIZER.copy(miner));
        } else if (flushPending.add(service)) {
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService().registerProcessingTimeTimer(now + flushIntervalMillis);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LogRecord> out)
            throws Exception {
        String service = ctx.getCurrentKey();
        if (flushPending.remove(service)) {
            LogTemplateMiner miner = live.get(service);
            if (miner != null) {
                minerState.update(SERIALIZER.copy(miner));
            }
        }
    }

    private static TemplateEvent event(
            String service, LogTemplateMiner miner, TemplateMatch match, long time) {
        TemplateEvent event = new TemplateEvent();
        event.service = service;
        event.templateId = match.templateId();
        event.template = match.template();
        event.timeMillis = time;
        event.mergedIds = match.mergedIds().toArray(new String[0]);
        miner.template(match.templateId())
                .ifPresent(
                        t -> {
                            event.example = t.example();
                            event.firstSeenMillis = t.firstSeen();
                            event.count = t.count();
                        });
        return event;
    }
}
