package dev.guardian.security;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.SecurityEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A Kafka record to {@link SecurityEvent}s (see {@link SecurityMessageReader}), using what the
 * source already read ({@link SecurityEventTime}) when the record arrives with it. Each part that
 * cannot be read leaves through the dead-letter side output with its reason, and the others of the
 * same envelope go on.
 */
public class DecodeSecurityEvents extends ProcessFunction<RawRecord, SecurityEvent> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final SecurityMessageReader reader;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();
    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeSecurityEvents(int maxMessageBytes) {
        this.reader = new SecurityMessageReader(maxMessageBytes);
    }

    @Override
    public void open(OpenContext context) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("eventsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<SecurityEvent> out) {
        Object read = record.decoded;
        record.decoded = null;
        SecurityMessage message = read instanceof SecurityMessage m ? m : reader.read(record);
        long now = ctx.timerService().currentProcessingTime();
        for (Exception reject : message.rejects()) {
            deadLetters.inc();
            ctx.output(deadLetterTag, DeadLetters.of(record, reject, SecurityJob.NAME, STAGE, now));
        }
        for (SecurityEvent event : message.events()) {
            out.collect(event);
            decoded.inc();
        }
    }
}
