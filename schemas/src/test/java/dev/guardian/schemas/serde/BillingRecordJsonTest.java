package dev.guardian.schemas.serde;

import static dev.guardian.schemas.SampleRecords.money;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.SampleRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingRecordJsonTest {
    private final RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);

    /** A row as a FOCUS CSV export turned into JSON: PascalCase, text amounts, NULLs as null. */
    private static final String FOCUS_ROW =
            "{\"AvailabilityZone\":null,\"BilledCost\":\"0.00000080000\","
                    + "\"BillingAccountId\":\"1234567890123\",\"BillingAccountName\":\"SunBird\","
                    + "\"BillingCurrency\":\"USD\",\"BillingPeriodEnd\":\"2024-10-01 00:00:00\","
                    + "\"BillingPeriodStart\":\"2024-09-01 00:00:00\",\"ChargeCategory\":\"Usage\","
                    + "\"ChargeClass\":null,"
                    + "\"ChargeDescription\":\"$0.40 per million Amazon SQS standard requests\","
                    + "\"ChargeFrequency\":\"Usage-Based\",\"ChargePeriodEnd\":\"2024-09-18 23:00:00\","
                    + "\"ChargePeriodStart\":\"2024-09-18 22:00:00\",\"CommitmentDiscountId\":null,"
                    + "\"ConsumedQuantity\":2.000000000000000,\"ConsumedUnit\":\"Requests\","
                    + "\"ContractedCost\":0.00000000000,\"ContractedUnitPrice\":null,"
                    + "\"EffectiveCost\":0.00000080000,"
                    + "\"InvoiceIssuerName\":\"Amazon Web Services, Inc.\",\"ListCost\":8.0E-7,"
                    + "\"ListUnitPrice\":\"0.0000004\",\"PricingCategory\":\"Standard\","
                    + "\"PricingQuantity\":2.00000000000,\"PricingUnit\":\"Requests\","
                    + "\"ProviderName\":\"AWS\",\"PublisherName\":\"Amazon Web Services, Inc.\","
                    + "\"RegionId\":\"us-west-2\",\"RegionName\":\"US West (Oregon)\","
                    + "\"ResourceId\":\"arn:aws:sqs:us-west-2:347410479675:orders\","
                    + "\"ResourceName\":null,\"ResourceType\":null,\"ServiceCategory\":\"Integration\","
                    + "\"Id\":11472,\"ServiceName\":\"Amazon Simple Queue Service\","
                    + "\"SkuId\":\"G95FST5FTYV3JSRX\","
                    + "\"SkuPriceId\":\"G95FST5FTYV3JSRX.JRTCKXETXF.VXGXCWQKTY\","
                    + "\"SubAccountId\":\"51738928782\",\"SubAccountName\":\"Atlas Nimbus\","
                    + "\"Tags\":\"{\\\"application\\\": \\\"BrightLensMatrix\\\","
                    + " \\\"environment\\\": \\\"dev\\\"}\"}";

    @Test
    void focusColumnNames() {
        assertThat(codec.decodeJson(FOCUS_ROW)).isEqualTo(SampleRecords.billingRecord());
    }

    @Test
    void snakeCaseWithNumbersAndEpochs() {
        BillingRecord record =
                codec.decodeJson(
                        "{\"provider_name\":\"Azure\",\"billing_account_id\":\"ba-1\","
                                + "\"service_name\":\"Virtual Machines\",\"charge_category\":\"Usage\","
                                + "\"charge_period_start\":1726696800,"
                                + "\"charge_period_end\":1726700400000,"
                                + "\"billed_cost\":0.1,\"effective_cost\":\"0.12345678901234567891\","
                                + "\"billing_currency\":\"EUR\",\"tags\":{\"team\":\"core\",\"cost\":{\"center\":42}}}");

        assertThat(record.getChargePeriodStart()).isEqualTo(Instant.parse("2024-09-18T22:00:00Z"));
        assertThat(record.getChargePeriodEnd()).isEqualTo(Instant.parse("2024-09-18T23:00:00Z"));
        assertThat(record.getBilledCost()).isEqualTo(money("0.1"));
        // more than 18 fractional digits round half-even, never through double
        assertThat(record.getEffectiveCost()).isEqualTo(new BigDecimal("0.123456789012345679"));
        assertThat(record.getTags()).isEqualTo(Map.of("team", "core", "cost.center", "42"));
        assertThat(record.getListCost()).isNull();
        assertThat(record.getRecordId()).isNull();
    }

    @Test
    void amountsAreExactBeyondDoublePrecision() {
        BillingRecord record =
                codec.decodeJson(
                        FOCUS_ROW.replace(
                                "\"BilledCost\":\"0.00000080000\"",
                                "\"BilledCost\":123456789012345678.0123456789"));

        assertThat(record.getBilledCost().toPlainString())
                .isEqualTo("123456789012345678.012345678900000000");
        assertThat(codec.decodeAvro(codec.encode(record)).getBilledCost())
                .isEqualTo(record.getBilledCost());
        assertThat(codec.toJson(record)).contains("\"billedCost\":123456789012345678.0123456789");
    }

    @Test
    void emptyStringsForOptionalAmountsAndDatesAreNull() {
        BillingRecord record =
                codec.decodeJson(
                        FOCUS_ROW
                                .replace(
                                        "\"ContractedCost\":0.00000000000",
                                        "\"ContractedCost\":\"\"")
                                .replace(
                                        "\"BillingPeriodEnd\":\"2024-10-01 00:00:00\"",
                                        "\"BillingPeriodEnd\":\"\""));

        assertThat(record.getContractedCost()).isNull();
        assertThat(record.getBillingPeriodEnd()).isNull();
    }
}
