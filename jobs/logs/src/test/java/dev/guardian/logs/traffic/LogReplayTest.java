package dev.guardian.logs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.SharedData;
import dev.guardian.schemas.LogEvent;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReplayTest {

    private static final long NOW = 1_767_571_200_000L; // 2026-01-05T00:00:00Z

    @Test
    void continuationLinesJoinTheirEventAndLinesBeforeTheFirstHeaderStandAlone() {
        String text =
                "garbage before\n"
                        + "2026-01-05 10:00:00,001 ERROR c.Pay - boom\n"
                        + "java.lang.IllegalStateException: pool shut down\n"
                        + "\tat c.Pay.charge(Pay.java:12)\n"
                        + "\n"
                        + "2026-01-05 10:00:01,000 INFO c.Pay - ok\n";
        LogFileReader reader =
                new LogFileReader(
                        new BufferedReader(new StringReader(text)), LogFileFormat.GENERIC, 2026);
        List<ReplayEvent> events = new ArrayList<>();
        for (ReplayEvent e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        assertThat(events)
                .extracting(ReplayEvent::message)
                .containsExactly(
                        "garbage before",
                        "ERROR c.Pay - boom\njava.lang.IllegalStateException: pool shut down\n\tat c.Pay.charge(Pay.java:12)",
                        "INFO c.Pay - ok");
        assertThat(events.get(0).timeMillis()).isEqualTo(events.get(1).timeMillis());
        assertThat(events.get(1).severity()).isEqualTo("ERROR");
        assertThat(reader.continuations()).isEqualTo(2);
        assertThat(reader.headerless()).isEqualTo(1);
    }

    @Test
    void aSyslogFileAcrossNewYearMovesToTheNextYear() {
        String text = "Dec 31 23:59:59 h cron[1]: tick\nJan  1 00:00:01 h cron[1]: tock\n";
        LogFileReader reader =
                new LogFileReader(
                        new BufferedReader(new StringReader(text)), LogFileFormat.LINUX, 2025);
        long first = reader.next().timeMillis();
        long second = reader.next().timeMillis();
        assertThat(second - first).isEqualTo(2_000);
    }

    @Test
    void filesMergeInTimeOrderEachEndingNowWithServiceFromTheFileName(@TempDir Path dir)
            throws Exception {
        Path hdfs =
                Files.copy(
                        SharedData.resolve("loghub/HDFS/HDFS_2k.log"), dir.resolve("HDFS_2k.log"));
        Path bgl =
                Files.copy(SharedData.resolve("loghub/BGL/BGL_2k.log"), dir.resolve("BGL_2k.log"));
        List<LogEvent> events = new ArrayList<>();
        try (LogReplay replay =
                LogReplay.open(LogReplay.expand(List.of(dir)), null, null, true, NOW, 2026)) {
            assertThat(replay.sources())
                    .extracting(LogReplay.Source::service)
                    .containsExactly("bgl", "hdfs");
            assertThat(replay.sources()).allSatisfy(s -> assertThat(s.detected()).isTrue());
            for (LogEvent e = replay.next(); e != null; e = replay.next()) {
                events.add(e);
            }
        }
        assertThat(events).hasSize(4000);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).getTimestamp())
                    .isAfterOrEqualTo(events.get(i - 1).getTimestamp());
        }
        assertThat(events.get(events.size() - 1).getTimestamp().toEpochMilli()).isEqualTo(NOW);
        assertThat(events)
                .filteredOn(e -> e.getService().equals("bgl"))
                .anySatisfy(
                        e ->
                                assertThat(e.getAttributes())
                                        .containsEntry("loghub.label", "APPREAD"));
        assertThat(events)
                .filteredOn(e -> e.getService().equals("hdfs"))
                .allSatisfy(e -> assertThat(e.getLogger()).startsWith("dfs."));
        assertThat(LogReplay.serviceOf(Path.of("checkout-api.2026-01-05.log")))
                .isEqualTo("checkout-api");

        // As the job reads them, whichever the encoding.
        LogEvent first = events.get(0);
        for (LogEventEncoding encoding : LogEventEncoding.values()) {
            LogEvent decoded =
                    dev.guardian.schemas.serde.RecordCodec.of(LogEvent.class)
                            .decode(encoding.encode(first));
            assertThat(decoded.getMessage()).isEqualTo(first.getMessage());
            assertThat(decoded.getSeverity()).isEqualTo(first.getSeverity());
            assertThat(decoded.getService()).isEqualTo(first.getService());
            assertThat(decoded.getTimestamp()).isEqualTo(first.getTimestamp());
            assertThat(decoded.getAttributes()).isEqualTo(first.getAttributes());
        }
    }
}
