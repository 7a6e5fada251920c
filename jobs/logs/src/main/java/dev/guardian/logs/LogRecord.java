package dev.guardian.logs;

import dev.guardian.schemas.LogEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log line inside the logs job: the wire {@link LogEvent}'s fields, flat, plus what the job adds
 * (redaction count, template). A Flink POJO whose attributes are a sorted {@code k1, v1, ...}
 * array, so it serialises without Kryo.
 */
public class LogRecord {

    /**
     * Deterministic id of the line (see {@link dev.guardian.logs.decode.EventIds}): the
     * Elasticsearch document id, so a replay writes nothing twice.
     */
    public String eventId;

    public String service;
    public String host;
    public long timestampMillis;

    /** A {@link dev.guardian.schemas.Severity} name. */
    public String severity;

    public String message;
    public String logger;
    public String traceId;
    public String spanId;

    /** {@code k1, v1, k2, v2, ...} sorted by key. */
    public String[] attributes = new String[0];

    /** When the job decoded the line (processing time). */
    public long ingestedMillis;

    /**
     * What decoding had to repair, sorted ({@link dev.guardian.logs.decode.LogFlags}): e.g. {@code
     * timestamp_missing}, {@code message_truncated}. Empty for a clean line.
     */
    public String[] flags = new String[0];

    /** Secrets and personal data removed from message and attributes. */
    public int redactions;

    /** Set by template mining: the id, text and parameter values of the line's template. */
    public String templateId;

    public String template;
    public String[] parameters = new String[0];

    /** The line created a template never seen before (not a generalisation of known ones). */
    public boolean novelTemplate;

    public LogRecord() {}

    public static LogRecord of(LogEvent event) {
        LogRecord record = new LogRecord();
        record.service = event.getService();
        record.host = event.getHost();
        record.timestampMillis = event.getTimestamp().toEpochMilli();
        record.severity = event.getSeverity().name();
        record.message = event.getMessage();
        record.logger = event.getLogger();
        record.traceId = event.getTraceId();
        record.spanId = event.getSpanId();
        record.attributes = flatten(event.getAttributes());
        return record;
    }

    public static LogRecord of(
            String service, long timestampMillis, String severity, String message) {
        LogRecord record = new LogRecord();
        record.service = service;
        record.timestampMillis = timestampMillis;
        record.severity = severity;
        record.message = message;
        return record;
    }

    public static String[] flatten(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return new String[0];
        }
        String[] flat = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(attributes).entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return flat;
    }

    /** The value of attribute {@code key}, or null. */
    public String attribute(String key) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i].equals(key)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    public boolean hasFlag(String flag) {
        return Arrays.asList(flags).contains(flag);
    }

    /** The line's time is not its own: it was missing, unparsable or too far ahead. */
    public boolean hasRepairedTimestamp() {
        for (String flag : flags) {
            if (flag.startsWith("timestamp_")) {
                return true;
            }
        }
        return false;
    }

    /** WARN, ERROR or FATAL. */
    public boolean isWarningOrAbove() {
        return "WARN".equals(severity) || isError();
    }

    /** ERROR or FATAL. */
    public boolean isError() {
        return "ERROR".equals(severity) || "FATAL".equals(severity);
    }

    @Override
    public String toString() {
        return service
                + " "
                + timestampMillis
                + " "
                + severity
                + " "
                + message
                + (templateId == null
                        ? ""
                        : " [" + templateId + "] " + Arrays.toString(parameters));
    }
}
