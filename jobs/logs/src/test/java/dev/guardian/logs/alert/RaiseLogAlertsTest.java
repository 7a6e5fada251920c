package dev.guardian.logs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.logs.anomaly.ServiceResumed;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RaiseLogAlertsTest {

    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final Duration RESOLVE_AFTER = Duration.ofMinutes(10);
    private static final Duration GIVE_UP = Duration.ofHours(24);

    private static KeyedTwoInputStreamOperatorTestHarness<String, Anomaly, ServiceResumed, Alert>
            harness() throws Exception {
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new RaiseLogAlerts(RESOLVE_AFTER, GIVE_UP, "http://es/_search?q=")),
                        new AnomalyFingerprint(),
                        new ResumedFingerprint(),
                        Types.STRING);
        h.setup(AvroRecordTypeInfo.forRecord(Alert.class).createSerializer(null));
        h.open();
        return h;
    }

    private static Anomaly anomaly(String detector, String entity, long time, AnomalyGrade grade) {
        Map<String, String> labels = new HashMap<>();
        labels.put("service", entity.split("/")[0]);
        Map<String, String> evidence = new HashMap<>();
        evidence.put("example_1", "connection refused to db-1");
        Map<String, String> links = new HashMap<>();
        links.put("elasticsearch", "service.name:\"" + labels.get("service") + "\"");
        return Anomaly.newBuilder()
                .setId(detector + entity + time)
                .setSource(Source.LOGS)
                .setEntity(entity)
                .setMetric("error_lines_per_minute")
                .setLabels(labels)
                .setTime(Instant.ofEpochMilli(time))
                .setValue(40)
                .setExpected(2.0)
                .setScore(0.8)
                .setGrade(grade)
                .setDetector(detector)
                .setExplanation(entity + " logged 40 error lines in one minute, 2.0 expected")
                .setLinks(links)
                .setEvidence(evidence)
                .build();
    }

    private static void add(
            KeyedTwoInputStreamOperatorTestHarness<String, Anomaly, ServiceResumed, Alert> h,
            Anomaly a)
            throws Exception {
        h.processElement1(new StreamRecord<>(a, a.getTime().toEpochMilli()));
    }

    @Test
    void firesOnceEscalatesThenResolvesAfterAQuietPeriod() throws Exception {
        try (var h = harness()) {
            add(h, anomaly("log-error-spike/1", "checkout", T0, AnomalyGrade.MEDIUM));
            add(h, anomaly("log-error-spike/1", "checkout", T0 + MINUTE, AnomalyGrade.MEDIUM));
            add(
                    h,
                    anomaly(
                            "log-error-spike/1",
                            "checkout",
                            T0 + 2 * MINUTE,
                            AnomalyGrade.CRITICAL));
            add(h, anomaly("log-error-spike/1", "checkout", T0 + 3 * MINUTE, AnomalyGrade.HIGH));

            List<Alert> alerts = h.extractOutputValues();
            assertThat(alerts)
                    .extracting(Alert::getSeverity)
                    .containsExactly(AlertSeverity.WARNING, AlertSeverity.CRITICAL);
            assertThat(alerts)
                    .extracting(Alert::getFingerprint)
                    .containsOnly(LogAlerts.fingerprint("log-error-spike/1", "checkout"));
            assertThat(alerts)
                    .allSatisfy(
                            a -> {
                                assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
                                assertThat(a.getStartsAt()).isEqualTo(Instant.ofEpochMilli(T0));
                            });
            Alert first = alerts.get(0);
            assertThat(first.getEntity()).isEqualTo("checkout");
            assertThat(first.getLabels()).containsEntry("rule", "log-error-spike");
            assertThat(first.getSummary())
                    .contains("connection refused to db-1")
                    .contains("expected 2");
            assertThat(first.getLinks())
                    .singleElement()
                    .satisfies(
                            l ->
                                    assertThat(l.getHref())
                                            .isEqualTo(
                                                    "http://es/_search?q=service.name%3A%22checkout%22"));
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processBothWatermarks(new Watermark(T0 + 3 * MINUTE + RESOLVE_AFTER.toMillis() - 1));
            assertThat(h.extractOutputValues()).hasSize(2);

            h.processBothWatermarks(new Watermark(T0 + 3 * MINUTE + RESOLVE_AFTER.toMillis()));
            Alert resolved = h.extractOutputValues().get(2);
            assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.getFingerprint()).isEqualTo(first.getFingerprint());
            assertThat(resolved.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(resolved.getTime())
                    .isEqualTo(Instant.ofEpochMilli(T0 + 3 * MINUTE + RESOLVE_AFTER.toMillis()));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();

            add(h, anomaly("log-error-spike/1", "checkout", T0 + 60 * MINUTE, AnomalyGrade.HIGH));
            Alert again = h.extractOutputValues().get(3);
            assertThat(again.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(again.getFingerprint()).isEqualTo(first.getFingerprint());
            assertThat(again.getStartsAt()).isEqualTo(Instant.ofEpochMilli(T0 + 60 * MINUTE));
        }
    }

    @Test
    void aSilenceResolvesWhenTheServiceLogsAgain() throws Exception {
        try (var h = harness()) {
            add(h, anomaly("log-silent-service/1", "billing", T0, AnomalyGrade.HIGH));
            h.processBothWatermarks(new Watermark(T0 + 5 * RESOLVE_AFTER.toMillis()));
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING));

            h.processElement2(
                    new StreamRecord<>(
                            new ServiceResumed("billing", T0 + 70 * MINUTE, T0), T0 + 70 * MINUTE));

            Alert resolved = h.extractOutputValues().get(1);
            assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.getFingerprint())
                    .isEqualTo(LogAlerts.silenceFingerprint("billing"));
            assertThat(resolved.getTime()).isEqualTo(Instant.ofEpochMilli(T0 + 70 * MINUTE));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();

            h.processElement2(
                    new StreamRecord<>(
                            new ServiceResumed("search", T0 + 71 * MINUTE, T0), T0 + 71 * MINUTE));
            assertThat(h.extractOutputValues()).hasSize(2);
        }
    }

    @Test
    void anEpisodeSurvivesSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            add(h, anomaly("log-novel-template/1", "api/00ff", T0, AnomalyGrade.HIGH));
            snapshot = h.snapshot(1, T0);
        }
        try (var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new RaiseLogAlerts(RESOLVE_AFTER, GIVE_UP, "http://es/_search?q=")),
                        new AnomalyFingerprint(),
                        new ResumedFingerprint(),
                        Types.STRING)) {
            h.setup(AvroRecordTypeInfo.forRecord(Alert.class).createSerializer(null));
            h.initializeState(snapshot);
            h.open();
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            add(h, anomaly("log-novel-template/1", "api/00ff", T0 + MINUTE, AnomalyGrade.HIGH));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processBothWatermarks(new Watermark(T0 + MINUTE + RESOLVE_AFTER.toMillis()));
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED));
        }
    }

    @Test
    void theEndOfABoundedInputResolvesNothing() throws Exception {
        try (var h = harness()) {
            add(h, anomaly("log-error-spike/1", "checkout", T0, AnomalyGrade.HIGH));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING));
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void fingerprintsIgnoreTheDetectorVersionAndSeparateRulesAndEntities() {
        assertThat(LogAlerts.fingerprint("log-error-spike/1", "a"))
                .isEqualTo(LogAlerts.fingerprint("log-error-spike/2", "a"))
                .isNotEqualTo(LogAlerts.fingerprint("log-error-spike/1", "b"))
                .isNotEqualTo(LogAlerts.fingerprint("log-silent-service/1", "a"))
                .startsWith("logs-");
        assertThat(LogAlerts.rule("log-template-frequency/1/burst"))
                .isEqualTo("log-template-frequency/burst");
        assertThat(LogAlerts.title("x".repeat(5000))).hasSize(LogAlerts.MAX_TITLE);
    }
}
