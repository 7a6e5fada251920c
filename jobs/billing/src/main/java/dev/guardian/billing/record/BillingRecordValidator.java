package dev.guardian.billing.record;

import dev.guardian.billing.BillingJobOptions;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.schemas.BillingRecord;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;

/**
 * The rules a decoded billing record must pass before it reaches a table or state. Each failure
 * names the FOCUS column and the rule, because the reason is what an operator reads in the
 * dead-letter topic.
 */
public class BillingRecordValidator implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final int MAX_TEXT_LENGTH = 2048;

    private final int maxTags;
    private final long maxFutureSkewMillis;
    private final long maxChargePeriodMillis;

    public BillingRecordValidator(
            int maxTags, long maxFutureSkewMillis, long maxChargePeriodMillis) {
        this.maxTags = maxTags;
        this.maxFutureSkewMillis = maxFutureSkewMillis;
        this.maxChargePeriodMillis = maxChargePeriodMillis;
    }

    public static BillingRecordValidator from(Configuration conf) {
        return new BillingRecordValidator(
                conf.get(BillingJobOptions.MAX_TAGS),
                conf.get(BillingJobOptions.MAX_FUTURE_SKEW).toMillis(),
                conf.get(BillingJobOptions.MAX_CHARGE_PERIOD).toMillis());
    }

    public void validate(BillingRecord r, long nowMillis) throws InvalidRecordException {
        required("ProviderName", r.getProviderName());
        required("BillingAccountId", r.getBillingAccountId());
        required("ServiceName", r.getServiceName());
        required("ChargeCategory", r.getChargeCategory());
        String currency = r.getBillingCurrency();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new InvalidRecordException(
                    "BillingCurrency must be an ISO 4217 code like USD, got '" + currency + "'");
        }
        optional("SubAccountId", r.getSubAccountId());
        optional("RegionId", r.getRegionId());
        optional("ResourceId", r.getResourceId());
        optional("SkuId", r.getSkuId());
        optional("Id", r.getRecordId());
        Instant start = r.getChargePeriodStart();
        Instant end = r.getChargePeriodEnd();
        if (!end.isAfter(start)) {
            throw new InvalidRecordException(
                    "ChargePeriodEnd " + end + " is not after ChargePeriodStart " + start);
        }
        if (end.toEpochMilli() - start.toEpochMilli() > maxChargePeriodMillis) {
            throw new InvalidRecordException(
                    "charge period "
                            + start
                            + " to "
                            + end
                            + " is longer than "
                            + maxChargePeriodMillis / 86_400_000
                            + " days");
        }
        if (start.toEpochMilli() > nowMillis + maxFutureSkewMillis) {
            throw new InvalidRecordException(
                    "ChargePeriodStart "
                            + start
                            + " is more than "
                            + maxFutureSkewMillis / 3_600_000
                            + " h in the future");
        }
        Map<String, String> tags = r.getTags();
        if (tags != null) {
            if (tags.size() > maxTags) {
                throw new InvalidRecordException(
                        "Tags has " + tags.size() + " entries, more than the limit of " + maxTags);
            }
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey() == null || tag.getKey().isBlank()) {
                    throw new InvalidRecordException("Tags has an empty key");
                }
                optional("Tags key", tag.getKey());
                if (tag.getValue() != null && tag.getValue().length() > MAX_TEXT_LENGTH) {
                    throw new InvalidRecordException(
                            "Tags value of " + tag.getKey() + " is longer than " + MAX_TEXT_LENGTH);
                }
            }
        }
    }

    private static void required(String column, String value) throws InvalidRecordException {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(column + " is missing or blank");
        }
        optional(column, value);
    }

    private static void optional(String column, String value) throws InvalidRecordException {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRecordException(
                    column + " is " + value.length() + " characters, more than " + MAX_TEXT_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidRecordException(column + " contains a control character");
            }
        }
    }
}
