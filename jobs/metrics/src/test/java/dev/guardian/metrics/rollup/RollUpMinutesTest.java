package dev.guardian.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.metrics.MetricRollup;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.SeriesIdSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RollUpMinutesTest {

    private static final Duration LATENESS = Duration.ofMinutes(2);
    private static final long MINUTE_0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, MetricRollup>
            harness() throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new RollUpMinutes(LATENESS), new SeriesIdSelector(), Types.LONG);
        harness.open();
        return harness;
    }

    /** The tumbling window with allowed lateness that the job used before, as built by the API. */
    @SuppressWarnings("unchecked")
    private static KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, MetricRollup>
            windowHarness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SingleOutputStreamOperator<MetricRollup> rollups =
                env.fromData(
                                List.of(point("a", MINUTE_0, 0)),
                                TypeInformation.of(MetricSample.class))
                        .keyBy(new SeriesIdSelector())
                        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                        .allowedLateness(LATENESS)
                        .aggregate(new WindowRollupAggregate(), new WindowRollupEmitter());
        var transformation =
                (OneInputTransformation<MetricSample, MetricRollup>) rollups.getTransformation();
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        transformation.getOperatorFactory(), new SeriesIdSelector(), Types.LONG);
        harness.open();
        return harness;
    }

    private static MetricSample point(String host, long at, double value) {
        return MetricSample.of("cpu", Map.of("host", host), at, value, "GAUGE", null);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, MetricRollup> harness,
            MetricSample sample)
            throws Exception {
        harness.processElement(new StreamRecord<>(sample, sample.timestampMillis));
    }

    /** The rollups emitted since the last call. */
    private static List<MetricRollup> drain(
            KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, MetricRollup> harness) {
        List<MetricRollup> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    @Test
    void emitsAMinuteWhenTheWatermarkPassesItsEnd() throws Exception {
        var harness = harness();
        send(harness, point("a", MINUTE_0 + 1_000, 3));
        send(harness, point("a", MINUTE_0 + 40_000, 1));
        send(harness, point("a", MINUTE_0 + 20_000, 7)); // out of order, not the last value
        send(harness, point("a", MINUTE_0 + MINUTE + 5_000, 9));
        send(harness, point("b", MINUTE_0 + 2_000, 5));

        harness.processWatermark(MINUTE_0 + MINUTE - 2);
        assertThat(drain(harness)).isEmpty();
        // one accumulator per series and minute; timers once per minute, not per point
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
        assertThat(harness.numEventTimeTimers()).isEqualTo(6);

        harness.processWatermark(MINUTE_0 + MINUTE - 1);
        List<MetricRollup> out = drain(harness);
        assertThat(out).hasSize(2);
        MetricRollup a = out.stream().filter(r -> r.series.contains("\"a\"")).findFirst().get();
        assertThat(a.minuteStartMillis).isEqualTo(MINUTE_0);
        assertThat(a.count).isEqualTo(3);
        assertThat(a.min).isEqualTo(1);
        assertThat(a.max).isEqualTo(7);
        assertThat(a.sum).isEqualTo(11);
        assertThat(a.last).isEqualTo(1);
        assertThat(a.lastTimestampMillis).isEqualTo(MINUTE_0 + 40_000);
        assertThat(a.revision).isZero();
        assertThat(a.seriesId).isEqualTo(point("a", 0, 0).seriesId);
        assertThat(a.labels).containsExactly("host", "a");
        assertThat(a.name).isEqualTo("cpu");
    }

    @Test
    void aLatePointReEmitsItsMinuteUntilTheAllowedLatenessHasPassedThenStateIsCleared()
            throws Exception {
        var harness = harness();
        send(harness, point("a", MINUTE_0 + 1_000, 3));
        harness.processWatermark(MINUTE_0 + MINUTE + 30_000);
        assertThat(drain(harness)).extracting(r -> r.revision).containsExactly(0L);

        send(harness, point("a", MINUTE_0 + 2_000, 4)); // late, within the allowed lateness
        assertThat(drain(harness))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.revision).isEqualTo(1);
                            assertThat(r.count).isEqualTo(2);
                            assertThat(r.last).isEqualTo(4);
                        });

        harness.processWatermark(MINUTE_0 + MINUTE - 1 + LATENESS.toMillis());
        assertThat(drain(harness)).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        send(harness, point("a", MINUTE_0 + 3_000, 5)); // past the lateness: dropped
        assertThat(drain(harness)).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theFirstPointOfAMinuteArrivingLateIsEmittedAtOnceAndCleanedUpLater() throws Exception {
        var harness = harness();
        harness.processWatermark(MINUTE_0 + MINUTE + 10_000);
        send(harness, point("a", MINUTE_0 + 5_000, 2));
        assertThat(drain(harness)).singleElement().satisfies(r -> assertThat(r.revision).isZero());
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the cleanup only

        harness.processWatermark(MINUTE_0 + MINUTE - 1 + LATENESS.toMillis());
        assertThat(drain(harness)).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void openMinutesSurviveASnapshotAndRestore() throws Exception {
        var harness = harness();
        send(harness, point("a", MINUTE_0 + 1_000, 3));
        send(harness, point("a", MINUTE_0 + 2_000, 4));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        var restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new RollUpMinutes(LATENESS), new SeriesIdSelector(), Types.LONG);
        restored.initializeState(snapshot);
        restored.open();
        send(restored, point("a", MINUTE_0 + 3_000, 5));
        restored.processWatermark(MINUTE_0 + MINUTE - 1);
        assertThat(drain(restored))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.count).isEqualTo(3);
                            assertThat(r.sum).isEqualTo(12);
                            assertThat(r.revision).isZero();
                        });
    }

    @Test
    void emitsWhatTheTumblingWindowItReplacesEmitted() throws Exception {
        var rollUp = harness();
        var window = windowHarness();
        SplittableRandom random = new SplittableRandom(11);
        long maxSeen = MINUTE_0;
        int steps = 0;
        int lateOnes = 0;
        for (int i = 0; i < 4_000; i++) {
            long at = MINUTE_0 + i * 700L;
            if (random.nextInt(10) == 0) {
                // late: some within the allowed lateness, some past it
                at -= random.nextLong(4 * MINUTE);
                lateOnes++;
            }
            MetricSample sample =
                    point("h" + random.nextInt(6), at, Math.round(random.nextGaussian() * 100));
            send(rollUp, sample);
            send(window, sample);
            maxSeen = Math.max(maxSeen, at);
            if (i % 7 == 0) {
                rollUp.processWatermark(maxSeen - 5_000);
                window.processWatermark(maxSeen - 5_000);
            }
            List<String> expected = stamped(window);
            assertThat(stamped(rollUp)).as("after point %d", i).isEqualTo(expected);
            steps += expected.isEmpty() ? 0 : 1;
        }
        rollUp.processWatermark(Long.MAX_VALUE);
        window.processWatermark(Long.MAX_VALUE);
        assertThat(stamped(rollUp)).isEqualTo(stamped(window));
        assertThat(steps).isGreaterThan(40);
        assertThat(lateOnes).isGreaterThan(300);
        assertThat(rollUp.numKeyedStateEntries()).isZero();
        assertThat(rollUp.numEventTimeTimers()).isZero();
    }

    /** Every field of the rollups emitted since the last call, and their timestamps, sorted. */
    private static List<String> stamped(
            KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, MetricRollup> harness) {
        List<String> out = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof StreamRecord<?> record) {
                out.add(record.getTimestamp() + " " + describe((MetricRollup) record.getValue()));
            }
        }
        harness.getOutput().clear();
        out.sort(null);
        return out;
    }

    private static String describe(MetricRollup r) {
        return r.seriesId
                + " "
                + r.series
                + " "
                + String.join(",", r.labels)
                + " "
                + r.name
                + " "
                + r.lastTimestampMillis
                + " "
                + r;
    }
}
