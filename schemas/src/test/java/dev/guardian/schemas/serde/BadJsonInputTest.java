package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.MetricPoint;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BadJsonInputTest {
    private final RecordCodec<MetricPoint> metrics = RecordCodec.of(MetricPoint.class);

    private static final String BILLING =
            "{\"ProviderName\":\"AWS\",\"BillingAccountId\":\"1\",\"ServiceName\":\"S3\","
                    + "\"ChargeCategory\":\"Usage\",\"ChargePeriodStart\":\"2024-09-01 00:00:00\","
                    + "\"ChargePeriodEnd\":\"2024-09-01 01:00:00\",\"BillingCurrency\":\"USD\","
                    + "\"EffectiveCost\":\"1\",\"BilledCost\":%s}";

    @Test
    void valueAsWordNamesTheField() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":\"abc\"}")
                .hasMessage(
                        "Cannot decode MetricPoint, field 'value': expected a number, got the"
                                + " string 'abc'");
    }

    @Test
    void nanAsStringIsRejected() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":\"NaN\"}")
                .hasMessageContaining("field 'value'")
                .hasMessageContaining("'NaN'");
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":\"-Infinity\"}")
                .hasMessageContaining("field 'value'");
    }

    @Test
    void nanLiteralIsMalformedJson() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":NaN}")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void valueOutOfDoubleRangeIsRejected() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":1e400}")
                .hasMessageContaining("field 'value': number out of double range");
    }

    @Test
    void booleanTimestampIsRejected() {
        assertRejected(metrics, "{\"timestamp\":true,\"name\":\"x\",\"value\":1}")
                .hasMessageContaining("field 'timestamp': expected a timestamp")
                .hasMessageContaining("got the boolean true");
    }

    @Test
    void unparseableTimestampIsRejected() {
        assertRejected(metrics, "{\"timestamp\":\"yesterday\",\"name\":\"x\",\"value\":1}")
                .hasMessageContaining("field 'timestamp'")
                .hasMessageContaining("got 'yesterday'");
    }

    @Test
    void objectForStringIsRejected() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":{\"a\":1},\"value\":1}")
                .hasMessageContaining("field 'name': expected a string, got an object");
    }

    @Test
    void numberForMapIsRejected() {
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":1,\"labels\":5}")
                .hasMessageContaining("field 'labels'")
                .hasMessageContaining("got the number 5");
    }

    @Test
    void missingRequiredFieldListsAcceptedNames() {
        assertRejected(metrics, "{\"name\":\"x\",\"value\":1}")
                .hasMessageContaining("field 'timestamp': missing required field")
                .hasMessageContaining("@timestamp");
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":null}")
                .hasMessageContaining("field 'value': missing required field");
        assertRejected(RecordCodec.of(LogEvent.class), "{\"timestamp\":0}")
                .hasMessageContaining("field 'message': missing required field");
    }

    @Test
    void moneyAsWordOrTooLargeIsRejected() {
        RecordCodec<BillingRecord> billing = RecordCodec.of(BillingRecord.class);
        assertRejected(billing, String.format(BILLING, "\"1,50\""))
                .hasMessageContaining(
                        "field 'billedCost': expected a number, got the string '1,50'");
        assertRejected(billing, String.format(BILLING, "\"NaN\""))
                .hasMessageContaining("field 'billedCost'");
        assertRejected(billing, String.format(BILLING, "1e40"))
                .hasMessageContaining("field 'billedCost'")
                .hasMessageContaining("does not fit decimal(38,18)");
        assertRejected(billing, String.format(BILLING, "true"))
                .hasMessageContaining(
                        "field 'billedCost': expected a number, got the boolean true");
    }

    @Test
    @Timeout(5)
    void hugeExponentsAreRejectedOrRoundedWithoutExpanding() {
        RecordCodec<BillingRecord> billing = RecordCodec.of(BillingRecord.class);
        assertRejected(billing, String.format(BILLING, "1e999999999"))
                .hasMessageContaining(
                        "field 'billedCost': 1E+999999999 does not fit decimal(38,18)");
        assertRejected(billing, String.format(BILLING, "\"1e2147483647\""))
                .hasMessageContaining("does not fit decimal(38,18)");
        assertThat(billing.decodeJson(String.format(BILLING, "1e-999999999")).getBilledCost())
                .isZero();
        assertRejected(metrics, "{\"timestamp\":1e999999999,\"name\":\"x\",\"value\":1}")
                .hasMessageContaining("epoch timestamp out of range");
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":1e999999999}")
                .hasMessageContaining("number out of double range");
    }

    @Test
    void nestedErrorsNameThePath() {
        String forecast =
                "{\"id\":\"f\",\"entity\":\"e\",\"metric\":\"m\",\"generatedAt\":0,"
                        + "\"horizonStart\":0,\"stepMillis\":3600000,\"model\":\"m\","
                        + "\"modelVersion\":\"1\",\"points\":[{\"time\":0,\"expected\":1,"
                        + "\"lower80\":1,\"upper80\":1,\"lower95\":1,\"upper95\":\"high\"}]}";
        assertRejected(RecordCodec.of(Forecast.class), forecast)
                .hasMessageContaining("field 'points[0].upper95'");
    }

    @Test
    void integerFieldRejectsFractions() {
        String forecast =
                "{\"id\":\"f\",\"entity\":\"e\",\"metric\":\"m\",\"generatedAt\":0,"
                        + "\"horizonStart\":0,\"stepMillis\":1.5,\"model\":\"m\","
                        + "\"modelVersion\":\"1\",\"points\":[]}";
        assertRejected(RecordCodec.of(Forecast.class), forecast)
                .hasMessageContaining("field 'stepMillis': expected an integer");
    }

    @Test
    void malformedJsonIsRejected() {
        assertRejected(metrics, "{\"timestamp\": ").hasMessageContaining("malformed JSON");
        assertRejected(metrics, "{\"timestamp\":0,\"name\":\"x\",\"value\":1} trailing")
                .hasMessageContaining("malformed JSON");
        assertRejected(metrics, "[1, 2]")
                .hasMessageContaining("expected a JSON object, got the number 1");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            RecordCodec<?> codec, String json) {
        return assertThatThrownBy(
                        () ->
                                codec.decodeAll(
                                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(RecordDecodingException.class);
    }
}
