package dev.guardian.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCsvReaderTest {

    @TempDir Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void readsNabFilesAsUtc() throws Exception {
        Path file =
                csv(
                        "nyc_taxi.csv",
                        "timestamp,value\n"
                                + "2014-07-01 00:00:00,10844\n"
                                + "2014-07-01 00:30:00,8127.5\n");

        ReplayFile read = NabCsvReader.read(file, "realKnownCause/nyc_taxi.csv", false);

        assertThat(read.timestamps())
                .containsExactly(at("2014-07-01T00:00:00Z"), at("2014-07-01T00:30:00Z"));
        assertThat(read.values()).containsExactly(10844, 8127.5);
        assertThat(read.name()).isEqualTo("realKnownCause/nyc_taxi.csv");
        assertThat(read.skipped()).isZero();
    }

    @Test
    void acceptsIsoTimestampsWithOffsetsQuotesAndBlankLines() throws Exception {
        Path file =
                csv(
                        "iso.csv",
                        "\uFEFF\"timestamp\",\"value\"\r\n"
                                + "\r\n"
                                + "\"2014-07-01T02:00:00+02:00\",\"1\"\r\n"
                                + "2014-07-01T00:01:00Z,2\r\n");

        ReplayFile read = NabCsvReader.read(file, "iso.csv", false);

        assertThat(read.timestamps())
                .containsExactly(at("2014-07-01T00:00:00Z"), at("2014-07-01T00:01:00Z"));
    }

    @Test
    void aBadLineNamesFileAndLine() throws Exception {
        Path file =
                csv(
                        "bad.csv",
                        "timestamp,value\n"
                                + "2014-07-01 00:00:00,1\n"
                                + "2014-07-01 00:05:00,lots\n");

        assertThatThrownBy(() -> NabCsvReader.read(file, "bad.csv", false))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("bad.csv line 3: value 'lots' is not a number");
    }

    @Test
    void rejectsWrongTimestampsFieldCountsAndNonFiniteValues() throws Exception {
        assertThatThrownBy(
                        () ->
                                NabCsvReader.read(
                                        csv("a.csv", "2014-07-01 00:00:00,1\n07/01/2014,2\n"),
                                        "a.csv",
                                        false))
                .hasMessage("a.csv line 2: timestamp '07/01/2014' is not like 2014-07-01 00:00:00");
        assertThatThrownBy(
                        () ->
                                NabCsvReader.read(
                                        csv("b.csv", "2014-07-01 00:00:00,1,2\n"), "b.csv", false))
                .hasMessage("b.csv line 1: expected 2 fields timestamp,value, got 3");
        assertThatThrownBy(
                        () ->
                                NabCsvReader.read(
                                        csv("c.csv", "2014-07-01 00:00:00,NaN\n"), "c.csv", false))
                .hasMessage("c.csv line 1: value 'NaN' is not finite");
    }

    @Test
    void skipsAndCountsBadLinesWhenAsked() throws Exception {
        Path file =
                csv(
                        "bad.csv",
                        "timestamp,value\n"
                                + "2014-07-01 00:00:00,1\n"
                                + "garbage\n"
                                + "2014-07-01 00:05:00,lots\n"
                                + "2014-07-01 00:10:00,3\n");

        ReplayFile read = NabCsvReader.read(file, "bad.csv", true);

        assertThat(read.values()).containsExactly(1, 3);
        assertThat(read.skipped()).isEqualTo(2);
    }

    @Test
    void aFileWithoutSamplesIsAnError() throws Exception {
        assertThatThrownBy(
                        () ->
                                NabCsvReader.read(
                                        csv("empty.csv", "timestamp,value\n"), "empty.csv", true))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("no timestamp,value lines");
    }

    @Test
    void sortsSamplesByTime() throws Exception {
        Path file =
                csv(
                        "unsorted.csv",
                        "2014-07-01 00:10:00,3\n2014-07-01 00:00:00,1\n2014-07-01 00:05:00,2\n");

        ReplayFile read = NabCsvReader.read(file, "unsorted.csv", false);

        assertThat(read.values()).containsExactly(1, 2, 3);
        assertThat(read.first()).isEqualTo(at("2014-07-01T00:00:00Z"));
        assertThat(read.last()).isEqualTo(at("2014-07-01T00:10:00Z"));
    }
}
