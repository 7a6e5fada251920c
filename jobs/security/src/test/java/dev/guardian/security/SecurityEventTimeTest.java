package dev.guardian.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.EventTimeExtractor;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventTimeTest {

    final SecurityEventTime eventTime = new SecurityEventTime(1 << 20, Duration.ofMinutes(10));

    static RawRecord raw(String json) {
        return RawRecord.of(json.getBytes(StandardCharsets.UTF_8));
    }

    static String record(Instant time, String name) {
        return "{\"eventTime\":\""
                + time
                + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\""
                + name
                + "\"}";
    }

    @Test
    void aSingleRecordIsStampedWithItsEventTimeAndLeftDecoded() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        RawRecord r = raw(record(t, "GetObject"));
        assertThat(eventTime.extract(r)).isEqualTo(t.toEpochMilli());
        assertThat(r.decoded).isInstanceOf(SecurityMessage.class);
        assertThat(((SecurityMessage) r.decoded).events()).hasSize(1);
    }

    @Test
    void anEnvelopeIsStampedWithItsEarliestEvent() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        RawRecord r =
                raw(
                        "{\"Records\":["
                                + record(t.plusSeconds(60), "A")
                                + ","
                                + record(t, "B")
                                + ","
                                + record(t.plusSeconds(30), "C")
                                + "]}");
        assertThat(eventTime.extract(r)).isEqualTo(t.toEpochMilli());
    }

    @Test
    void eventsFromTheFutureDoNotMoveEventTime() {
        Instant now = Instant.now();
        Instant past = now.minusSeconds(60);
        RawRecord r =
                raw(
                        "{\"Records\":["
                                + record(now.plus(Duration.ofDays(365)), "A")
                                + ","
                                + record(past, "B")
                                + "]}");
        assertThat(eventTime.extract(r)).isEqualTo(past.toEpochMilli());
        assertThat(eventTime.extract(raw(record(now.plus(Duration.ofDays(1)), "A"))))
                .isEqualTo(EventTimeExtractor.NO_TIMESTAMP);
        assertThat(((SecurityMessage) r.decoded).events()).hasSize(2);
    }

    @Test
    void unreadableMessagesHaveNoEventTimeAndKeepTheirReason() {
        RawRecord r = raw("{\"eventName\": ");
        assertThat(eventTime.extract(r)).isEqualTo(EventTimeExtractor.NO_TIMESTAMP);
        assertThat(((SecurityMessage) r.decoded).rejects())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("invalid JSON"));
    }

    @Test
    void avroSecurityEventsAreReadToo() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        SecurityEvent e =
                SecurityEvent.newBuilder()
                        .setTime(t)
                        .setService("s3.amazonaws.com")
                        .setOperation("GetObject")
                        .setOutcome(Outcome.SUCCESS)
                        .setOriginalJson("{}")
                        .build();
        RawRecord r = RawRecord.of(RecordCodec.of(SecurityEvent.class).encode(e));
        assertThat(eventTime.extract(r)).isEqualTo(t.toEpochMilli());
        assertThat(((SecurityMessage) r.decoded).events()).containsExactly(e);
    }
}
