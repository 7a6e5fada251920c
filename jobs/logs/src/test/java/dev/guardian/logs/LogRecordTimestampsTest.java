package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

class LogRecordTimestampsTest {

    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long SKEW = Duration.ofMinutes(10).toMillis();

    private static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }

    private static RawRecord line(Long time, long kafkaTime) {
        String json =
                time == null
                        ? "{\"message\":\"x\"}"
                        : "{\"@timestamp\":\""
                                + Instant.ofEpochMilli(time)
                                + "\",\"message\":\"x\"}";
        return new RawRecord(json.getBytes(StandardCharsets.UTF_8), "logs.events", 0, 1, kafkaTime);
    }

    @Test
    void aLineIsAtItsOwnTimeElseWhenItEnteredKafka() {
        LogRecordTimestamps assigner = new LogRecordTimestamps(SKEW);
        assertThat(assigner.extractTimestamp(line(T0, T0 + 5000), 0)).isEqualTo(T0);
        assertThat(assigner.extractTimestamp(line(null, T0 + 5000), 0)).isEqualTo(T0 + 5000);
        long farAhead = System.currentTimeMillis() + Duration.ofDays(30).toMillis();
        assertThat(assigner.extractTimestamp(line(farAhead, T0 + 5000), 0)).isEqualTo(T0 + 5000);
    }

    @Test
    void linesWithoutTheirOwnTimeDoNotDragEventTimeAheadOfTheOthers() {
        ManualClock clock = new ManualClock((T0 + 3_600_000) * 1_000_000); // nanoseconds
        var generator =
                new LogRecordTimestamps.Generator(
                        Duration.ofSeconds(10), Duration.ofSeconds(30), SKEW, clock);
        Output out = new Output();

        generator.onEvent(line(T0, T0), T0, out);
        // During a catch-up a line without a time has Kafka's, 20 minutes ahead of the others.
        generator.onEvent(line(null, T0 + 1_200_000), T0 + 1_200_000, out);
        generator.onEvent(line(T0 + 1000, T0), T0 + 1000, out);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(T0 + 1000 - 10_000 - 1);

        // Only lines without a time for a while (a shipper that sends none): they move event time.
        clock.advanceTime(Duration.ofSeconds(31));
        generator.onEvent(line(null, T0 + 1_300_000), T0 + 1_300_000, out);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(T0 + 1_300_000 - 10_000 - 1);
    }

    @Test
    void nothingIsEmittedBeforeTheFirstLine() {
        var generator =
                new LogRecordTimestamps.Generator(
                        Duration.ofSeconds(10), Duration.ofSeconds(30), SKEW, new ManualClock());
        Output out = new Output();
        generator.onPeriodicEmit(out);
        assertThat(out.watermarks).isEmpty();
    }
}
