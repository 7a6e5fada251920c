package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeShiftTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLatestEventLandsAtNowAndGapsStay() {
        Instant latest = Instant.parse("2020-09-14T01:13:20Z");
        Instant now = Instant.parse("2026-11-22T03:00:00.750Z");
        TimeShift shift = TimeShift.toNow(latest, now);
        assertThat(shift.apply(latest)).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
        Instant earlier = latest.minusSeconds(37);
        assertThat(Duration.between(shift.apply(earlier), shift.apply(latest)))
                .isEqualTo(Duration.ofSeconds(37));
    }

    @Test
    void rewritesEveryTimeFieldTheJobReadsAndNothingElse() throws Exception {
        ObjectNode record =
                (ObjectNode)
                        JSON.readTree(
                                "{\"eventTime\":\"2020-09-14T00:44:23Z\",\"@timestamp\":"
                                        + "\"2020-09-14T00:44:23.000Z\",\"timestamp\":1600044263000,"
                                        + "\"userIdentity\":{\"sessionContext\":{\"attributes\":"
                                        + "{\"creationDate\":\"2020-09-13T17:16:47Z\"}}}}");
        ObjectNode shifted = new TimeShift(Duration.ofHours(2)).apply(record);
        assertThat(shifted.get("eventTime").asText()).isEqualTo("2020-09-14T02:44:23Z");
        assertThat(shifted.get("@timestamp").asText()).isEqualTo("2020-09-14T02:44:23Z");
        assertThat(shifted.get("timestamp").asLong()).isEqualTo(1600044263000L + 7_200_000L);
        assertThat(shifted.at("/userIdentity/sessionContext/attributes/creationDate").asText())
                .isEqualTo("2020-09-13T17:16:47Z");
        assertThat(record.get("eventTime").asText())
                .as("the original is left as it was")
                .isEqualTo("2020-09-14T00:44:23Z");
    }

    @Test
    void noShiftReturnsTheRecordItself() throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree("{\"eventTime\":\"2020-09-14T00:44:23Z\"}");
        assertThat(new TimeShift(Duration.ZERO).apply(record)).isSameAs(record);
    }
}
