package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads CloudTrail events from a file: JSON lines (each a record or a {@code {"Records": [...]}}
 * envelope), or one JSON document spanning the file (a pretty-printed envelope, as in S3).
 */
final class EventFile {

    interface RecordSink {
        void accept(int line, JsonNode record);
    }

    interface RejectSink {
        void accept(int line, String reason);
    }

    private EventFile() {}

    static void read(Path file, CloudTrailRecords parser, RecordSink records, RejectSink rejects)
            throws IOException {
        read(Files.readAllBytes(file), parser, records, rejects);
    }

    /** The same for a file's content already in memory (a zip entry, a gunzipped file). */
    static void read(
            byte[] content, CloudTrailRecords parser, RecordSink records, RejectSink rejects)
            throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (isOneDocument(text, parser)) {
            CloudTrailRecords.Batch batch = parser.parse(content);
            batch.records().forEach(r -> records.accept(1, r));
            batch.rejects().forEach(r -> rejects.accept(1, r));
            return;
        }
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                CloudTrailRecords.Batch batch = parser.parse(line);
                for (JsonNode record : batch.records()) {
                    records.accept(number, record);
                }
                for (String reason : batch.rejects()) {
                    rejects.accept(number, reason);
                }
            }
        }
    }

    /** A text whose first line is not JSON on its own but whose whole is. */
    private static boolean isOneDocument(String text, CloudTrailRecords parser) {
        int newline = text.indexOf('\n');
        String t = (newline < 0 ? text : text.substring(0, newline)).trim();
        if (newline < 0 || !(t.startsWith("{") || t.startsWith("["))) {
            return false;
        }
        boolean firstLineIsJson =
                parser.parse(t).rejects().stream().noneMatch(r -> r.startsWith("invalid JSON"));
        if (firstLineIsJson) {
            return false;
        }
        try {
            CloudTrailRecords.json().readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
