package dev.guardian.billing.record;

import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A change to the cost of one billing line: a new line (+1 line, its amounts), a restatement (0
 * lines, new minus old amounts) or a withdrawn version (-1 line, minus its amounts, when a
 * restatement moved the line to other dimensions, e.g. re-tagged). Summing changes gives the latest
 * version of every line exactly once, whatever was re-delivered.
 *
 * <p>The analytics view of a record: only the dimensions the rollups, forecasts, budgets and root
 * causes use. A Flink POJO; strings are never null ("" when absent).
 */
public class CostChange {

    public String recordId;
    public long deliveredAt;

    public String providerName;
    public String billingAccountId;
    public String billingAccountName;
    public String subAccountId;
    public String subAccountName;
    public String serviceName;
    public String serviceCategory;
    public String regionId;
    public String resourceId;
    public String skuId;
    public String chargeCategory;
    public String billingCurrency;

    /** {@code k1, v1, k2, v2, ...} sorted by key. */
    public String[] tags;

    public long periodStart;
    public long periodEnd;

    public BigDecimal billedCost;
    public BigDecimal effectiveCost;
    public BigDecimal listCost;

    /** +1 new line, 0 restated amounts, -1 withdrawn version. */
    public int lines;

    public CostChange() {}

    /** A delivered record as a new line. */
    public static CostChange of(BillingDelivery delivery) {
        BillingRecord r = delivery.record;
        CostChange c = new CostChange();
        c.recordId = r.getRecordId();
        c.deliveredAt = delivery.deliveredAt;
        c.providerName = text(r.getProviderName());
        c.billingAccountId = text(r.getBillingAccountId());
        c.billingAccountName = text(r.getBillingAccountName());
        c.subAccountId = text(r.getSubAccountId());
        c.subAccountName = text(r.getSubAccountName());
        c.serviceName = text(r.getServiceName());
        c.serviceCategory = text(r.getServiceCategory());
        c.regionId = text(r.getRegionId());
        c.resourceId = text(r.getResourceId());
        c.skuId = text(r.getSkuId());
        c.chargeCategory = text(r.getChargeCategory());
        c.billingCurrency = text(r.getBillingCurrency());
        c.tags = flatTags(r.getTags());
        c.periodStart = r.getChargePeriodStart().toEpochMilli();
        c.periodEnd = r.getChargePeriodEnd().toEpochMilli();
        c.billedCost = Money.normalize(r.getBilledCost());
        c.effectiveCost = Money.normalize(r.getEffectiveCost());
        c.listCost = r.getListCost() == null ? zero() : Money.normalize(r.getListCost());
        c.lines = 1;
        return c;
    }

    static String[] flatTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return new String[0];
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        tags.forEach((k, v) -> sorted.put(k, v == null ? "" : v));
        String[] flat = new String[sorted.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return flat;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static BigDecimal zero() {
        return Money.normalize(BigDecimal.ZERO);
    }

    /** The value of tag {@code key}, or null. */
    public String tag(String key) {
        for (int i = 0; i + 1 < tags.length; i += 2) {
            if (tags[i].equals(key)) {
                return tags[i + 1];
            }
        }
        return null;
    }

    /** Whether both describe the same dimensions (everything but amounts and delivery). */
    public boolean sameDimensions(CostChange o) {
        return periodStart == o.periodStart
                && periodEnd == o.periodEnd
                && providerName.equals(o.providerName)
                && billingAccountId.equals(o.billingAccountId)
                && billingAccountName.equals(o.billingAccountName)
                && subAccountId.equals(o.subAccountId)
                && subAccountName.equals(o.subAccountName)
                && serviceName.equals(o.serviceName)
                && serviceCategory.equals(o.serviceCategory)
                && regionId.equals(o.regionId)
                && resourceId.equals(o.resourceId)
                && skuId.equals(o.skuId)
                && chargeCategory.equals(o.chargeCategory)
                && billingCurrency.equals(o.billingCurrency)
                && Arrays.equals(tags, o.tags);
    }

    public boolean sameAmounts(CostChange o) {
        return billedCost.compareTo(o.billedCost) == 0
                && effectiveCost.compareTo(o.effectiveCost) == 0
                && listCost.compareTo(o.listCost) == 0;
    }

    /** A copy with other amounts and line count. */
    public CostChange withAmounts(
            BigDecimal billed, BigDecimal effective, BigDecimal list, int lineDelta) {
        CostChange c = copy();
        c.billedCost = billed;
        c.effectiveCost = effective;
        c.listCost = list;
        c.lines = lineDelta;
        return c;
    }

    /** This version taken back: minus its amounts, minus one line. */
    public CostChange negated() {
        return withAmounts(billedCost.negate(), effectiveCost.negate(), listCost.negate(), -1);
    }

    public CostChange copy() {
        CostChange c = new CostChange();
        c.recordId = recordId;
        c.deliveredAt = deliveredAt;
        c.providerName = providerName;
        c.billingAccountId = billingAccountId;
        c.billingAccountName = billingAccountName;
        c.subAccountId = subAccountId;
        c.subAccountName = subAccountName;
        c.serviceName = serviceName;
        c.serviceCategory = serviceCategory;
        c.regionId = regionId;
        c.resourceId = resourceId;
        c.skuId = skuId;
        c.chargeCategory = chargeCategory;
        c.billingCurrency = billingCurrency;
        c.tags = tags;
        c.periodStart = periodStart;
        c.periodEnd = periodEnd;
        c.billedCost = billedCost;
        c.effectiveCost = effectiveCost;
        c.listCost = listCost;
        c.lines = lines;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CostChange)) {
            return false;
        }
        CostChange c = (CostChange) o;
        return Objects.equals(recordId, c.recordId)
                && deliveredAt == c.deliveredAt
                && lines == c.lines
                && sameDimensions(c)
                && sameAmounts(c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, deliveredAt, lines);
    }

    @Override
    public String toString() {
        return recordId
                + " "
                + billingAccountId
                + "/"
                + serviceName
                + " @"
                + periodStart
                + " effective "
                + effectiveCost.stripTrailingZeros().toPlainString()
                + " lines "
                + lines;
    }
}
