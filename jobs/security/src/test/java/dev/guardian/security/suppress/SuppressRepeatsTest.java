package dev.guardian.security.suppress;

import static dev.guardian.security.suppress.SuppressRepeats.SUPPRESSED_REPEATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.security.alert.DetectionAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SuppressRepeatsTest {

    static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    static final Duration WINDOW = Duration.ofHours(1);
    static final SuppressionKey KEY = new SuppressionKey(List.of("accountId", "actor"));

    private KeyedOneInputStreamOperatorTestHarness<String, Detection, Detection> harness;
    private int sequence;

    static KeyedOneInputStreamOperatorTestHarness<String, Detection, Detection> open(
            Duration window, DetectionLevel minLevel, OperatorSubtaskState restore)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Detection, Detection> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new SuppressRepeats(
                                        window,
                                        KEY,
                                        new DetectionAlerts(
                                                minLevel, "http://grafana:3000", window))),
                        KEY,
                        Types.STRING);
        h.setup(
                AvroRecordTypeInfo.forRecord(Detection.class)
                        .createSerializer(new SerializerConfigImpl()));
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** A single-event detection of {@code rule} for {@code actor} at {@code time}. */
    Detection detection(String rule, String actor, long time, DetectionLevel level) {
        Map<String, String> fields = new HashMap<>();
        fields.put("actor", actor);
        fields.put("accountId", "111122223333");
        fields.put("sourceIp", "203.0.113.7");
        String id = rule + "-" + (++sequence);
        return Detection.newBuilder()
                .setId(id)
                .setRuleId(rule)
                .setRuleTitle("Rule " + rule)
                .setLevel(level)
                .setTags(List.of("attack.initial-access", "attack.t1078.004"))
                .setTime(Instant.ofEpochMilli(time))
                .setMatchedEventIds(List.of("evt-" + sequence))
                .setEvents(List.of("{\"eventID\":\"evt-" + sequence + "\"}"))
                .setFields(fields)
                .build();
    }

    Detection detection(String rule, String actor, long time) {
        return detection(rule, actor, time, DetectionLevel.HIGH);
    }

    void process(Detection d) throws Exception {
        harness.processElement(new StreamRecord<>(d, d.getTime().toEpochMilli()));
    }

    List<Detection> output() {
        List<Detection> out = new ArrayList<>();
        for (Object o : harness.extractOutputValues()) {
            out.add((Detection) o);
        }
        return out;
    }

    List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        if (harness.getSideOutput(SuppressRepeats.ALERTS) != null) {
            harness.getSideOutput(SuppressRepeats.ALERTS).forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    @Test
    void firstGoesOutRepeatsAreCountedAndTheFirstIsReissuedWhenTheWindowCloses() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        Detection first = detection("r1", "alice", T0);
        process(first);
        process(detection("r1", "alice", T0 + 10 * MINUTE));
        process(detection("r1", "alice", T0 + 20 * MINUTE));

        assertThat(output()).containsExactly(first);
        assertThat(alerts()).hasSize(1);
        assertThat(alerts().get(0).getOriginId()).isEqualTo(first.getId());
        assertThat(alerts().get(0).getSeverity()).isEqualTo(AlertSeverity.ERROR);
        // the first detection and the window (end, repeats), one timer at the end of the window
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(T0 + WINDOW.toMillis() - 1);
        assertThat(output()).hasSize(1);
        harness.processWatermark(T0 + WINDOW.toMillis());

        List<Detection> out = output();
        assertThat(out).hasSize(2);
        Detection reissued = out.get(1);
        assertThat(reissued.getId()).isEqualTo(first.getId());
        assertThat(reissued.getFields())
                .containsEntry(SuppressRepeats.SUPPRESSED_REPEATS, "2")
                .containsEntry(
                        SuppressRepeats.LAST_REPEAT_AT,
                        Instant.ofEpochMilli(T0 + 20 * MINUTE).toString());
        assertThat(alerts()).as("a re-issue raises no new alert").hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aWindowWithoutRepeatsEndsSilently() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        process(detection("r1", "alice", T0));
        harness.processWatermark(T0 + 2 * WINDOW.toMillis());
        assertThat(output()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void otherPrincipalsAndOtherRulesAreNotRepeats() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        process(detection("r1", "alice", T0));
        process(detection("r1", "bob", T0 + MINUTE));
        process(detection("r2", "alice", T0 + 2 * MINUTE));
        assertThat(output()).hasSize(3);
        assertThat(alerts()).extracting(Alert::getFingerprint).doesNotHaveDuplicates();
    }

    @Test
    void aDetectionAfterTheWindowOpensTheNextOneEvenBeforeTheTimer() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        Detection first = detection("r1", "alice", T0);
        process(first);
        process(detection("r1", "alice", T0 + MINUTE));
        Detection next = detection("r1", "alice", T0 + WINDOW.toMillis() + MINUTE);
        process(next);

        List<Detection> out = output();
        assertThat(out).hasSize(3);
        assertThat(out.get(1).getId()).isEqualTo(first.getId());
        assertThat(out.get(1).getFields()).containsEntry(SuppressRepeats.SUPPRESSED_REPEATS, "1");
        assertThat(out.get(2)).isEqualTo(next);
        // both alerts belong to one incident
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(0).getFingerprint()).isEqualTo(alerts().get(1).getFingerprint());

        // the old window's timer finds the new window (detection + window) open and leaves it alone
        harness.processWatermark(T0 + WINDOW.toMillis());
        assertThat(output()).hasSize(3);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(T0 + 2 * WINDOW.toMillis() + MINUTE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void lateRepeatsWithinTheWindowAreSuppressedToo() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        process(detection("r1", "alice", T0 + 10 * MINUTE));
        process(detection("r1", "alice", T0));
        assertThat(output()).hasSize(1);
    }

    @Test
    void groupedDetectionsUseTheirOwnGroupBy() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        Detection a = detection("brute", "x", T0);
        a.setGroupBy(Map.of("principal", "alice"));
        Detection b = detection("brute", "y", T0 + MINUTE);
        b.setGroupBy(Map.of("principal", "alice"));
        Detection c = detection("brute", "x", T0 + 2 * MINUTE);
        c.setGroupBy(Map.of("principal", "bob"));
        process(a);
        process(b);
        process(c);
        assertThat(output()).containsExactly(a, c);
        assertThat(alerts().get(0).getEntity()).isEqualTo("alice");
    }

    @Test
    void suppressionSurvivesSnapshotAndRestore() throws Exception {
        harness = open(WINDOW, DetectionLevel.LOW, null);
        Detection first = detection("r1", "alice", T0);
        process(first);
        process(detection("r1", "alice", T0 + MINUTE));
        OperatorSubtaskState snapshot = harness.snapshot(1, T0);
        harness.close();

        harness = open(WINDOW, DetectionLevel.LOW, snapshot);
        process(detection("r1", "alice", T0 + 2 * MINUTE));
        assertThat(output()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(T0 + WINDOW.toMillis());
        assertThat(output()).hasSize(1);
        assertThat(output().get(0).getId()).isEqualTo(first.getId());
        assertThat(output().get(0).getFields())
                .containsEntry(SuppressRepeats.SUPPRESSED_REPEATS, "2");
    }

    /**
     * Writes a window's state as SuppressRepeats did before {@link Repeats} kept the window's end:
     * the first detection, for {@code actor} {@code repeats} repeats (a restored old Repeats reads
     * endMillis 0) and for the others none, and the timer at the end.
     */
    static final class WindowWrittenBeforeTheEndWasKept
            extends KeyedProcessFunction<String, Detection, Detection> {

        private final long windowMillis;
        private final String actor;
        private final int repeats;
        private transient ValueState<Detection> first;
        private transient ValueState<Repeats> window;

        WindowWrittenBeforeTheEndWasKept(Duration window, String actor, int repeats) {
            this.windowMillis = window.toMillis();
            this.actor = actor;
            this.repeats = repeats;
        }

        @Override
        public void open(OpenContext context) {
            first =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "suppression-first-detection",
                                            AvroRecordTypeInfo.forRecord(Detection.class)));
            window =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "suppression-repeats",
                                            TypeInformation.of(Repeats.class)));
        }

        @Override
        public void processElement(Detection d, Context ctx, Collector<Detection> out)
                throws Exception {
            long time = d.getTime().toEpochMilli();
            first.update(d);
            if (actor.equals(d.getFields().get("actor"))) {
                window.update(new Repeats(0, repeats, time + MINUTE));
            }
            ctx.timerService().registerEventTimeTimer(time + windowMillis);
        }
    }

    @Test
    void windowsRestoredFromBeforeTheirEndWasKeptSuppressAndCloseAsBefore() throws Exception {
        Detection alice = detection("r1", "alice", T0);
        Detection bob = detection("r1", "bob", T0);
        OperatorSubtaskState before;
        try (KeyedOneInputStreamOperatorTestHarness<String, Detection, Detection> old =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new WindowWrittenBeforeTheEndWasKept(WINDOW, "alice", 2)),
                        KEY,
                        Types.STRING)) {
            old.setup(
                    AvroRecordTypeInfo.forRecord(Detection.class)
                            .createSerializer(new SerializerConfigImpl()));
            old.open();
            old.processElement(new StreamRecord<>(alice, T0));
            old.processElement(new StreamRecord<>(bob, T0));
            before = old.snapshot(1, T0);
        }

        harness = open(WINDOW, DetectionLevel.LOW, before);
        process(detection("r1", "alice", T0 + 5 * MINUTE));
        process(detection("r1", "bob", T0 + 5 * MINUTE));
        assertThat(output()).as("both restored windows are still open").isEmpty();

        harness.processWatermark(T0 + WINDOW.toMillis());
        assertThat(output())
                .extracting(Detection::getId, d -> d.getFields().get(SUPPRESSED_REPEATS))
                .containsExactlyInAnyOrder(tuple(alice.getId(), "3"), tuple(bob.getId(), "1"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aZeroWindowPassesEverythingAndKeepsNoState() throws Exception {
        harness = open(Duration.ZERO, DetectionLevel.LOW, null);
        process(detection("r1", "alice", T0));
        process(detection("r1", "alice", T0 + MINUTE));
        assertThat(output()).hasSize(2);
        assertThat(alerts()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void detectionsBelowTheAlertLevelRaiseNoAlert() throws Exception {
        harness = open(WINDOW, DetectionLevel.MEDIUM, null);
        process(detection("info", "alice", T0, DetectionLevel.INFORMATIONAL));
        process(detection("low", "alice", T0, DetectionLevel.LOW));
        process(detection("medium", "alice", T0, DetectionLevel.MEDIUM));
        assertThat(output()).hasSize(3);
        assertThat(alerts()).extracting(a -> a.getLabels().get("rule")).containsExactly("medium");
    }
}
