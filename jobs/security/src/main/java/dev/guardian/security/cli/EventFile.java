package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.BufferedReader;
import java.io.IOException;
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
        if (isOneDocument(file, parser)) {
            CloudTrailRecords.Batch batch = parser.parse(Files.readAllBytes(file));
            batch.records().forEach(r -> records.accept(1, r));
            batch.rejects().forEach(r -> rejects.accept(1, r));
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                CloudTrailRecords.Batch batch = parser.parse(text);
                for (JsonNode record : batch.records()) {
                    records.accept(line, record);
                }
                for (String reason : batch.rejects()) {
                    rejects.accept(line, reason);
                }
            }
        }
    }

    /** A file whose first line is not JSON on its own but whose whole text is. */
    private static boolean isOneDocument(Path file, CloudTrailRecords parser) throws IOException {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        }
        if (first == null) {
            return false;
        }
        String t = first.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return false;
        }
        boolean firstLineIsJson =
                parser.parse(t).rejects().stream().noneMatch(r -> r.startsWith("invalid JSON"));
        if (firstLineIsJson) {
            return false;
        }
        try {
            CloudTrailRecords.json().readTree(file.toFile());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
