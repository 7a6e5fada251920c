package dev.guardian.billing.rollup;

import dev.guardian.billing.record.CostChange;
import dev.guardian.schemas.Money;
import java.math.BigDecimal;

/**
 * The cost of one rollup cell (hour or day × account × sub account × provider × service × region ×
 * currency × tags): the sum over the latest version of every line in it. Re-emitted with a higher
 * revision when a late line or a restatement changes it; the table keeps the highest revision.
 */
public class CostRollup {

    public long bucketStart;
    public String granularity;
    public String billingAccountId;
    public String billingAccountName;
    public String subAccountId;
    public String subAccountName;
    public String providerName;
    public String serviceName;
    public String regionId;
    public String billingCurrency;

    /** The rollup tag keys present, {@code k1, v1, ...} sorted by key. */
    public String[] tags;

    public BigDecimal billedCost;
    public BigDecimal effectiveCost;
    public BigDecimal listCost;
    public long lines;
    public long revision;

    /** Changed since last emitted. */
    public boolean pending;

    public CostRollup() {}

    public static CostRollup emptyCell(CostChange c, RollupCell cell) {
        CostRollup r = new CostRollup();
        r.bucketStart = cell.granularity().bucketStart(c.periodStart);
        r.granularity = cell.granularity().name();
        r.billingAccountId = c.billingAccountId;
        r.billingAccountName = c.billingAccountName;
        r.subAccountId = c.subAccountId;
        r.subAccountName = c.subAccountName;
        r.providerName = c.providerName;
        r.serviceName = c.serviceName;
        r.regionId = c.regionId;
        r.billingCurrency = c.billingCurrency;
        r.tags = cell.rollupTags(c);
        BigDecimal zero = Money.normalize(BigDecimal.ZERO);
        r.billedCost = zero;
        r.effectiveCost = zero;
        r.listCost = zero;
        return r;
    }

    public void add(CostChange c) {
        billedCost = billedCost.add(c.billedCost);
        effectiveCost = effectiveCost.add(c.effectiveCost);
        listCost = listCost.add(c.listCost);
        lines += c.lines;
        if (!c.billingAccountName.isEmpty()) {
            billingAccountName = c.billingAccountName;
        }
        if (!c.subAccountName.isEmpty()) {
            subAccountName = c.subAccountName;
        }
        pending = true;
    }

    public CostRollup copy() {
        CostRollup r = new CostRollup();
        r.bucketStart = bucketStart;
        r.granularity = granularity;
        r.billingAccountId = billingAccountId;
        r.billingAccountName = billingAccountName;
        r.subAccountId = subAccountId;
        r.subAccountName = subAccountName;
        r.providerName = providerName;
        r.serviceName = serviceName;
        r.regionId = regionId;
        r.billingCurrency = billingCurrency;
        r.tags = tags;
        r.billedCost = billedCost;
        r.effectiveCost = effectiveCost;
        r.listCost = listCost;
        r.lines = lines;
        r.revision = revision;
        r.pending = pending;
        return r;
    }

    @Override
    public String toString() {
        return granularity
                + " "
                + bucketStart
                + " "
                + billingAccountId
                + "/"
                + serviceName
                + "/"
                + regionId
                + " "
                + RollupCell.tagSet(tags)
                + " effective "
                + effectiveCost.stripTrailingZeros().toPlainString()
                + " r"
                + revision;
    }
}
