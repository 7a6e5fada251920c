package dev.guardian.billing.testing;

import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.RecordIds;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Money;
import dev.guardian.schemas.serde.RecordCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-data builder for billing lines, with named instants. */
public final class Lines {

    /** A Monday, midnight UTC; within the validator's window for any realistic test run. */
    public static final Instant HOUR_0 = Instant.parse("2026-01-05T00:00:00Z");

    public static final long HOUR = 3_600_000L;

    private static final RecordCodec<BillingRecord> CODEC = RecordCodec.of(BillingRecord.class);

    private String id;
    private String account = "111111111111";
    private String subAccount = "222222222222";
    private String service = "Amazon Elastic Compute Cloud";
    private String region = "us-east-1";
    private String resource = "i-0001";
    private String sku = "BoxUsage:m5.large";
    private String category = "Usage";
    private Instant start = HOUR_0;
    private long lengthMillis = HOUR;
    private BigDecimal billed = new BigDecimal("1.00");
    private BigDecimal effective = new BigDecimal("1.00");
    private BigDecimal list = new BigDecimal("1.20");
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Lines() {}

    public static Lines line() {
        return new Lines();
    }

    public Lines id(String id) {
        this.id = id;
        return this;
    }

    public Lines account(String account) {
        this.account = account;
        return this;
    }

    public Lines subAccount(String subAccount) {
        this.subAccount = subAccount;
        return this;
    }

    public Lines service(String service) {
        this.service = service;
        return this;
    }

    public Lines region(String region) {
        this.region = region;
        return this;
    }

    public Lines resource(String resource) {
        this.resource = resource;
        return this;
    }

    public Lines sku(String sku) {
        this.sku = sku;
        return this;
    }

    public Lines category(String category) {
        this.category = category;
        return this;
    }

    public Lines hour(int hour) {
        this.start = HOUR_0.plusMillis(hour * HOUR);
        return this;
    }

    public Lines start(Instant start) {
        this.start = start;
        return this;
    }

    public Lines cost(String amount) {
        this.billed = new BigDecimal(amount);
        this.effective = new BigDecimal(amount);
        this.list = new BigDecimal(amount);
        return this;
    }

    public Lines cost(double amount) {
        return cost(BigDecimal.valueOf(amount).toPlainString());
    }

    public Lines tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    public BillingRecord record() {
        BillingRecord r =
                BillingRecord.newBuilder()
                        .setRecordId(id)
                        .setProviderName("AWS")
                        .setBillingAccountId(account)
                        .setBillingAccountName("Acme")
                        .setSubAccountId(subAccount)
                        .setSubAccountName("platform")
                        .setServiceName(service)
                        .setServiceCategory("Compute")
                        .setRegionId(region)
                        .setResourceId(resource)
                        .setSkuId(sku)
                        .setChargeCategory(category)
                        .setChargePeriodStart(start)
                        .setChargePeriodEnd(start.plusMillis(lengthMillis))
                        .setBilledCost(Money.normalize(billed))
                        .setEffectiveCost(Money.normalize(effective))
                        .setListCost(Money.normalize(list))
                        .setBillingCurrency("USD")
                        .setTags(new LinkedHashMap<>(tags))
                        .build();
        return r;
    }

    /** As the decode step delivers it: with its stable id. */
    public BillingDelivery delivered(long deliveredAt) {
        BillingRecord r = record();
        r.setRecordId(RecordIds.idOf(r));
        return new BillingDelivery(deliveredAt, r);
    }

    /** As a Kafka record in Avro, delivered at {@code deliveredAt}. */
    public RawRecord raw(long deliveredAt) {
        return new RawRecord(CODEC.encode(record()), "billing.records", 0, 0, deliveredAt);
    }

    public RawRecord json(long deliveredAt) {
        return new RawRecord(CODEC.toJsonBytes(record()), "billing.records", 0, 0, deliveredAt);
    }
}
