package dev.guardian.logs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.decode.DecodeLimits;
import dev.guardian.logs.decode.LogEventDecoder;
import dev.guardian.logs.decode.LogFlags;
import dev.guardian.schemas.LogEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogTrafficTest {

    private static final long START = 1_767_571_200_000L; // 2026-01-05T00:00:00Z
    private static final long MINUTE = 60_000;

    private static List<LogEvent> take(LogTraffic traffic, long untilMillis) {
        List<LogEvent> lines = new ArrayList<>();
        for (LogEvent e = traffic.next();
                e.getTimestamp().toEpochMilli() < untilMillis;
                e = traffic.next()) {
            lines.add(e);
        }
        return lines;
    }

    private static Map<String, Long> perService(List<LogEvent> lines) {
        return lines.stream()
                .collect(Collectors.groupingBy(LogEvent::getService, Collectors.counting()));
    }

    @Test
    void servicesLogInProportionMostlyInfoInTimeOrderAndTheSameForTheSameSeed() {
        List<LogEvent> lines =
                take(new LogTraffic(START, 200, 42, Optional.empty()), START + 5 * MINUTE);
        assertThat(lines).hasSize(60_000);
        assertThat(perService(lines)).hasSize(7);
        assertThat(perService(lines).get("api-gateway")).isBetween(14_500L, 16_700L);
        Map<String, Long> levels =
                lines.stream()
                        .collect(
                                Collectors.groupingBy(
                                        e -> e.getSeverity().name(), Collectors.counting()));
        assertThat(levels.get("INFO")).isGreaterThan(55_000L);
        assertThat(levels.get("ERROR")).isBetween(150L, 1_500L);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).getTimestamp())
                    .isAfterOrEqualTo(lines.get(i - 1).getTimestamp());
        }
        List<LogEvent> again =
                take(new LogTraffic(START, 200, 42, Optional.empty()), START + MINUTE);
        assertThat(again)
                .extracting(LogEvent::getMessage)
                .containsExactlyElementsOf(
                        lines.subList(0, again.size()).stream().map(LogEvent::getMessage).toList());
        assertThat(lines).anySatisfy(e -> assertThat(e.getMessage()).contains("@example.com"));
        assertThat(lines).anySatisfy(e -> assertThat(e.getMessage()).contains("Bearer "));
    }

    @Test
    void anErrorBurstAddsErrorsToOneServiceAndLeavesTheRestAsItWas() {
        LogIncident burst =
                new LogIncident(
                        LogIncidentKind.ERROR_BURST,
                        "checkout",
                        START + 2 * MINUTE,
                        START + 3 * MINUTE);
        List<LogEvent> with =
                take(new LogTraffic(START, 200, 42, Optional.of(burst)), START + 4 * MINUTE);
        List<LogEvent> without =
                take(new LogTraffic(START, 200, 42, Optional.empty()), START + 4 * MINUTE);

        long errorsDuring =
                with.stream()
                        .filter(e -> burst.activeAt(e.getTimestamp().toEpochMilli()))
                        .filter(
                                e ->
                                        e.getService().equals("checkout")
                                                && e.getSeverity().name().equals("ERROR"))
                        .count();
        long errorsBefore =
                with.stream()
                        .filter(e -> e.getTimestamp().toEpochMilli() < START + MINUTE)
                        .filter(
                                e ->
                                        e.getService().equals("checkout")
                                                && e.getSeverity().name().equals("ERROR"))
                        .count();
        assertThat(errorsDuring).isGreaterThan(20 * Math.max(1, errorsBefore));
        assertThat(
                        with.stream()
                                .filter(
                                        e ->
                                                !e.getService().equals("checkout")
                                                        || !e.getSeverity().name().equals("ERROR"))
                                .map(LogEvent::getMessage)
                                .toList())
                .isEqualTo(
                        without.stream()
                                .filter(
                                        e ->
                                                !e.getService().equals("checkout")
                                                        || !e.getSeverity().name().equals("ERROR"))
                                .map(LogEvent::getMessage)
                                .toList());
    }

    @Test
    void aNewExceptionIsANeverSeenErrorAndASilentServiceStopsLogging() {
        LogIncident exception =
                new LogIncident(
                        LogIncidentKind.NEW_EXCEPTION,
                        "payments",
                        START + MINUTE,
                        START + 2 * MINUTE);
        List<LogEvent> lines =
                take(new LogTraffic(START, 100, 7, Optional.of(exception)), START + 2 * MINUTE);
        List<LogEvent> pool =
                lines.stream()
                        .filter(e -> e.getMessage().contains("connection pool shut down"))
                        .toList();
        assertThat(pool)
                .hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(
                        e -> {
                            assertThat(e.getService()).isEqualTo("payments");
                            assertThat(e.getSeverity().name()).isEqualTo("ERROR");
                            assertThat(exception.activeAt(e.getTimestamp().toEpochMilli()))
                                    .isTrue();
                        });

        LogIncident silence =
                new LogIncident(
                        LogIncidentKind.SILENT_SERVICE,
                        "inventory",
                        START + MINUTE,
                        START + 2 * MINUTE);
        List<LogEvent> quiet =
                take(new LogTraffic(START, 100, 7, Optional.of(silence)), START + 3 * MINUTE);
        assertThat(quiet)
                .filteredOn(e -> e.getService().equals("inventory"))
                .noneMatch(e -> silence.activeAt(e.getTimestamp().toEpochMilli()))
                .anyMatch(e -> e.getTimestamp().toEpochMilli() >= START + 2 * MINUTE);
    }

    @Test
    void badRecordsAreEachKindTheJobRepairsOrRefuses() throws Exception {
        LogEvent line = new LogTraffic(START, 10, 1, Optional.empty()).next();
        LogEventDecoder decoder = new LogEventDecoder(DecodeLimits.defaults());
        Map<BadLogRecords.Kind, String> outcome = new EnumMap<>(BadLogRecords.Kind.class);
        for (BadLogRecords.Kind kind : BadLogRecords.Kind.values()) {
            RawRecord raw =
                    new RawRecord(BadLogRecords.encode(line, kind), "logs.events", 0, 1, START);
            try {
                LogRecord r = decoder.decode(raw, START + 1000).records().get(0);
                outcome.put(kind, String.join(",", r.flags));
            } catch (Exception e) {
                outcome.put(kind, "dead letter");
            }
        }
        assertThat(outcome)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                BadLogRecords.Kind.INVALID_UTF8, LogFlags.INVALID_UTF8,
                                BadLogRecords.Kind.HUGE_MESSAGE, LogFlags.MESSAGE_TRUNCATED,
                                BadLogRecords.Kind.NO_TIMESTAMP, LogFlags.TIMESTAMP_MISSING,
                                BadLogRecords.Kind.UNKNOWN_LEVEL, LogFlags.SEVERITY_UNKNOWN,
                                BadLogRecords.Kind.DEEP_JSON, "dead letter",
                                BadLogRecords.Kind.BINARY, "dead letter"));

        BadLogRecords plan = new BadLogRecords(0.1, 42);
        long bad = 0;
        for (long k = 0; k < 10_000; k++) {
            if (plan.forSlot(k) != null) {
                bad++;
            }
        }
        assertThat(bad).isBetween(850L, 1150L);
        assertThat(new BadLogRecords(0, 42).forSlot(3)).isNull();
    }
}
