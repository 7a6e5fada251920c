package dev.guardian.billing.record;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.serde.RecordDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class DecodeBillingRecordsTest {

    private static final long NOW = dev.guardian.billing.testing.Lines.HOUR_0.toEpochMilli();
    private final DecodeBillingRecords decode = new DecodeBillingRecords(new Configuration());

    private static RawRecord json(String text) {
        return new RawRecord(text.getBytes(StandardCharsets.UTF_8), "billing.records", 0, 5, 77);
    }

    @Test
    void decodesAvroAndJsonAlikeWithTheDeliveryTimeAsVersion() throws Exception {
        BillingDelivery avro = decode.decode(line().raw(1234), NOW).get(0);
        BillingDelivery fromJson = decode.decode(line().json(1234), NOW).get(0);

        assertThat(avro.deliveredAt).isEqualTo(1234);
        assertThat(avro.record.getRecordId()).startsWith(RecordIds.DERIVED_PREFIX);
        assertThat(fromJson.record).isEqualTo(avro.record);
    }

    @Test
    void readsFocusColumnNamesAndAJsonArrayOfRows() throws Exception {
        String row =
                "{\"Id\":\"11472\",\"ProviderName\":\"AWS\",\"BillingAccountId\":\"1234\","
                        + "\"ServiceName\":\"Amazon Simple Queue Service\",\"ChargeCategory\":"
                        + "\"Usage\",\"ChargePeriodStart\":\"2024-09-18 22:00:00\","
                        + "\"ChargePeriodEnd\":\"2024-09-18 23:00:00\",\"BilledCost\":"
                        + "0.00000080000,\"EffectiveCost\":\"0\",\"BillingCurrency\":\"USD\","
                        + "\"Tags\":\"{\\\"team\\\": \\\"web\\\"}\"}";
        List<BillingDelivery> out = decode.decode(json("[" + row + "," + row + "]"), NOW);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).record.getRecordId()).isEqualTo("11472");
        assertThat(out.get(0).record.getTags()).containsEntry("team", "web");
        assertThat(out.get(0).deliveredAt).isEqualTo(77);
    }

    @Test
    void rejectsWhatWouldCorruptTheTablesNamingTheColumn() {
        String noCurrency =
                "{\"ProviderName\":\"AWS\",\"BillingAccountId\":\"1\",\"ServiceName\":\"S\","
                        + "\"ChargeCategory\":\"Usage\",\"ChargePeriodStart\":\"2026-01-05T01:00:00Z\","
                        + "\"ChargePeriodEnd\":\"2026-01-05T00:00:00Z\",\"BilledCost\":1,"
                        + "\"EffectiveCost\":1,\"BillingCurrency\":\"usd\"}";
        assertThatThrownBy(() -> decode.decode(json(noCurrency), NOW))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("BillingCurrency");
        assertThatThrownBy(() -> decode.decode(json(noCurrency.replace("\"usd\"", "\"USD\"")), NOW))
                .hasMessageContaining("ChargePeriodEnd");
        assertThatThrownBy(() -> decode.decode(json("{\"ProviderName\":\"AWS\"}"), NOW))
                .isInstanceOf(RecordDecodingException.class);
        assertThatThrownBy(() -> decode.decode(line().hour(24 * 10).json(1), NOW))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> decode.decode(json(""), NOW)).hasMessageContaining("empty");
    }
}
