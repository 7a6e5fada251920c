package dev.guardian.alerts.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.alerts.AlertRouterJob;
import dev.guardian.alerts.config.MuteRule;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.DeadLetter;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads mute commands from {@code guardian.mutes} (JSON, see {@link MuteRule}) and passes on their
 * JSON text once it is known to parse; the deduplicator keeps that text in broadcast state. A bad
 * command is a dead letter, never a failed job.
 */
public class DecodeMutes extends ProcessFunction<RawRecord, String> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode-mute";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<String> out) {
        try {
            out.collect(decode(record));
        } catch (Exception e) {
            ctx.output(
                    deadLetterTag,
                    DeadLetters.of(
                            record,
                            e,
                            AlertRouterJob.NAME,
                            STAGE,
                            ctx.timerService().currentProcessingTime()));
        }
    }

    static String decode(RawRecord record) throws Exception {
        if (record.size() == 0 || record.size() > 64 * 1024) {
            throw new InvalidRecordException(
                    "mute command must be a JSON object of at most 64 KiB, got "
                            + record.size()
                            + " bytes");
        }
        Map<?, ?> json = JSON.readValue(record.value, Map.class);
        MuteRule.parse(json, "mute");
        return JSON.writeValueAsString(json);
    }

    /** The rule held in a command's JSON text (which {@link #decode} already checked). */
    static MuteRule parse(String json) {
        try {
            return MuteRule.parse(JSON.readValue(json, Map.class), "mute");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mute JSON in state does not parse", e);
        }
    }
}
