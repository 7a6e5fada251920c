package dev.guardian.billing.generate;

import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Turns hours of lines into deliveries in the order a provider sends them: each hour's lines an
 * hour after it starts (plus a delay), a share of lines restated one to three days later with
 * corrected amounts under the same id, the first account's previous day re-delivered unchanged
 * every morning at 06:00 UTC (as CUR refreshes do), and a small FOCUS correction per AWS account
 * each week.
 */
public final class DeliverySchedule {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final BillingTrafficModel model;
    private final long delayMillis;
    private final double restatementShare;
    private final boolean redeliver;
    private final SplittableRandom random;
    private final PriorityQueue<Delivery> pending =
            new PriorityQueue<>(
                    Comparator.<Delivery>comparingLong(d -> d.deliveredAt)
                            .thenComparingLong(
                                    d -> d.record.getChargePeriodStart().toEpochMilli()));
    private final List<BillingRecord> yesterday = new ArrayList<>();
    private final List<BillingRecord> today = new ArrayList<>();

    public DeliverySchedule(
            BillingTrafficModel model,
            long seed,
            long delayMillis,
            double restatementShare,
            boolean redeliver) {
        this.model = model;
        this.delayMillis = delayMillis;
        this.restatementShare = restatementShare;
        this.redeliver = redeliver;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Plans the lines of the hour starting at {@code hourStart}; call hour after hour. */
    public void generate(long hourStart) {
        long onTime = hourStart + HOUR + delayMillis;
        if (Math.floorMod(hourStart, DAY) == 0) {
            yesterday.clear();
            yesterday.addAll(today);
            today.clear();
        }
        String firstAccount = model.fleet().accounts.get(0).id;
        for (BillingRecord line : model.hour(hourStart)) {
            pending.add(new Delivery(onTime, line, Delivery.Kind.FIRST));
            if (redeliver && line.getBillingAccountId().equals(firstAccount)) {
                today.add(line);
            }
            if ("Usage".equals(line.getChargeCategory())
                    && random.nextDouble() < restatementShare) {
                long later = onTime + DAY + (long) (random.nextDouble() * 2 * DAY);
                pending.add(new Delivery(later, restated(line), Delivery.Kind.RESTATEMENT));
            }
        }
        if (redeliver && Math.floorMod(hourStart, DAY) == 6 * HOUR) {
            for (BillingRecord line : yesterday) {
                pending.add(new Delivery(onTime, line, Delivery.Kind.REDELIVERY));
            }
        }
        if (Math.floorMod(hourStart, 7 * DAY) == 12 * HOUR) {
            for (BillingAccount account : model.fleet().accounts) {
                if (account.provider == Provider.AWS) {
                    pending.add(
                            new Delivery(
                                    onTime,
                                    correction(account, hourStart - 3 * DAY),
                                    Delivery.Kind.CORRECTION));
                }
            }
        }
    }

    /** Deliveries due at or before {@code until}, in delivery order; removes them. */
    public List<Delivery> due(long until) {
        List<Delivery> out = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().deliveredAt <= until) {
            out.add(pending.poll());
        }
        return out;
    }

    private BillingRecord restated(BillingRecord line) {
        BigDecimal factor =
                BigDecimal.valueOf(0.97 + 0.11 * random.nextDouble())
                        .setScale(4, RoundingMode.HALF_EVEN);
        BillingRecord copy = BillingRecord.newBuilder(line).build();
        copy.setBilledCost(Money.normalize(line.getBilledCost().multiply(factor)));
        copy.setEffectiveCost(Money.normalize(line.getEffectiveCost().multiply(factor)));
        if (line.getListCost() != null) {
            copy.setListCost(Money.normalize(line.getListCost().multiply(factor)));
        }
        if (line.getConsumedQuantity() != null) {
            copy.setConsumedQuantity(Money.normalize(line.getConsumedQuantity().multiply(factor)));
        }
        return copy;
    }

    private BillingRecord correction(BillingAccount account, long periodStart) {
        BigDecimal amount =
                Money.normalize(
                        BigDecimal.valueOf(-(1 + 9 * random.nextDouble()))
                                .setScale(2, RoundingMode.HALF_EVEN));
        return BillingRecord.newBuilder()
                .setRecordId(
                        BillingTrafficModel.lineId(account.id, "correction", "ec2", periodStart))
                .setProviderName(account.provider.name)
                .setPublisherName(account.provider.invoiceIssuer)
                .setInvoiceIssuerName(account.provider.invoiceIssuer)
                .setBillingAccountId(account.id)
                .setBillingAccountName(account.name)
                .setServiceName("Amazon Elastic Compute Cloud")
                .setServiceCategory("Compute")
                .setChargeCategory("Usage")
                .setChargeClass("Correction")
                .setChargeFrequency("Usage-Based")
                .setChargeDescription("Billing correction for an earlier period")
                .setChargePeriodStart(java.time.Instant.ofEpochMilli(periodStart))
                .setChargePeriodEnd(java.time.Instant.ofEpochMilli(periodStart + HOUR))
                .setBilledCost(amount)
                .setEffectiveCost(amount)
                .setListCost(Money.normalize(BigDecimal.ZERO))
                .setBillingCurrency("USD")
                .build();
    }
}
