package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFilesTest {

    @TempDir Path dir;

    static String record(String time, String name) {
        return "{\"eventTime\":\""
                + time
                + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\""
                + name
                + "\"}";
    }

    @Test
    void readsJsonLinesGzipZipAndWholeDocumentsInTimeOrder() throws Exception {
        Files.writeString(
                dir.resolve("a.jsonl"),
                record("2024-05-01T10:00:03Z", "C")
                        + "\nnot json\n\n"
                        + record("2024-05-01T10:00:00Z", "A")
                        + "\n");
        try (OutputStream gz =
                new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.json.gz")))) {
            gz.write(
                    ("{\"Records\":[" + record("2024-05-01T10:00:01Z", "B") + "]}\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(
                dir.resolve("pretty.json"),
                "{\n  \"Records\": [\n    " + record("2024-05-01T10:00:05Z", "E") + "\n  ]\n}\n");
        Path zip = dir.resolve("c.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("inner/d.json"));
            z.write((record("2024-05-01T10:00:04Z", "D") + "\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }

        ReplayFiles.Contents all =
                ReplayFiles.read(
                        List.of(
                                dir.resolve("a.jsonl"),
                                dir.resolve("b.json.gz"),
                                dir.resolve("pretty.json"),
                                zip));
        assertThat(all.entries())
                .extracting(e -> e.record().get("eventName").asText())
                .containsExactly("A", "B", "C", "D", "E");
        assertThat(all.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s).contains("a.jsonl:2").contains("invalid JSON"));
        assertThat(all.entries().get(3).origin()).endsWith("c.zip!inner/d.json:1");

        // a directory: its JSON files, not the zip (usually the same data again)
        ReplayFiles.Contents fromDir = ReplayFiles.read(List.of(dir));
        assertThat(fromDir.files()).isEqualTo(3);
        assertThat(fromDir.entries()).hasSize(4);
    }
}
