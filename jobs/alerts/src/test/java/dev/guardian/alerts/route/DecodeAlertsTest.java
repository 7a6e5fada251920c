package dev.guardian.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.alerts.model.AlertView;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.GuardianAvroTrust;
import dev.guardian.schemas.Source;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecodeAlertsTest {

    private final DecodeAlerts decode = new DecodeAlerts();

    static {
        GuardianAvroTrust.install(); // for Alert.newBuilder() in this test
    }

    private static Alert.Builder alert() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        return Alert.newBuilder()
                .setFingerprint("fp")
                .setSource(Source.LOGS)
                .setSeverity(AlertSeverity.WARNING)
                .setStatus(AlertStatus.FIRING)
                .setTitle("t")
                .setSummary("s")
                .setEntity("e")
                .setStartsAt(t)
                .setTime(t);
    }

    @Test
    void readsAvroAndJsonAlike() throws Exception {
        byte[] avro = RecordCodec.of(Alert.class).encode(alert().build());
        AlertView fromAvro = decode.decode(RawRecord.of(avro));
        String json = RecordCodec.of(Alert.class).toJson(alert().build());
        AlertView fromJson = decode.decode(RawRecord.of(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromAvro).usingRecursiveComparison().isEqualTo(fromJson);
        assertThat(fromAvro.source).isEqualTo("LOGS");
        assertThat(fromAvro.severity).isEqualTo("WARNING");
    }

    @Test
    void repairsWhatItCanAndRefusesTheRest() throws Exception {
        AlertView v =
                decode.decode(
                        RawRecord.of(
                                RecordCodec.of(Alert.class)
                                        .encode(
                                                alert().setTitle("x".repeat(3000))
                                                        .setValue(Double.NaN)
                                                        .setStartsAt(Instant.EPOCH)
                                                        .build())));
        assertThat(v.title).hasSize(DecodeAlerts.MAX_TITLE);
        assertThat(v.value).isNull();
        assertThat(v.startsAt).isEqualTo(v.time);
        assertThatThrownBy(
                        () ->
                                decode.decode(
                                        RawRecord.of(
                                                RecordCodec.of(Alert.class)
                                                        .encode(
                                                                alert().setFingerprint(" ")
                                                                        .build()))))
                .hasMessageContaining("empty fingerprint");
        assertThatThrownBy(() -> decode.decode(RawRecord.of(new byte[0])))
                .hasMessageContaining("empty");
        assertThatThrownBy(
                        () ->
                                decode.decode(
                                        RawRecord.of(
                                                "{\"fingerprint\":"
                                                        .getBytes(StandardCharsets.UTF_8))))
                .isNotNull();
    }
}
