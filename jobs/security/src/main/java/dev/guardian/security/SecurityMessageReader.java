package dev.guardian.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordFormat;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Kafka message into {@link SecurityEvent}s: Avro SecurityEvents as they are; JSON
 * CloudTrail records, single or in a {@code Records} envelope, normalized. Never throws: whatever
 * cannot be read comes back as a reject with its reason, and the good records of the same envelope
 * still come back.
 */
public final class SecurityMessageReader implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxMessageBytes;
    private final RecordCodec<SecurityEvent> avro = RecordCodec.of(SecurityEvent.class);
    private transient CloudTrailRecords records;

    public SecurityMessageReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public SecurityMessage read(RawRecord record) {
        List<SecurityEvent> events = new ArrayList<>();
        List<Exception> rejects = new ArrayList<>();
        byte[] value = record.value == null ? new byte[0] : record.value;
        try {
            if (RecordFormat.detect(value) == RecordFormat.AVRO) {
                events.add(avro.decode(value));
                return new SecurityMessage(events, rejects);
            }
            if (records == null) {
                records = new CloudTrailRecords(maxMessageBytes);
            }
            CloudTrailRecords.Batch batch = records.parse(value);
            for (String reason : batch.rejects()) {
                rejects.add(new InvalidRecordException(reason));
            }
            // a message that is one record is kept as it came; records of an envelope are cut out
            String whole = batch.whole() ? verbatim(value) : null;
            for (JsonNode json : batch.records()) {
                try {
                    events.add(CloudTrailNormalizer.normalize(json, whole));
                } catch (RuntimeException e) {
                    rejects.add(e);
                }
            }
        } catch (Exception e) {
            rejects.add(e);
        } catch (StackOverflowError e) {
            // deeply nested JSON must not take the TaskManager down with it
            rejects.add(new InvalidRecordException("message nested too deeply to read"));
        }
        return new SecurityMessage(events, rejects);
    }

    /** A one-record message as text: without a byte order mark and surrounding whitespace. */
    static String verbatim(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
    }
}
