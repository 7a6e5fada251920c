package dev.guardian.billing.generate;

import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The usage lines of one hour: a pure function of the fleet, the seed, the incidents and the hour,
 * so a line can be regenerated (for a restatement) and every run is reproducible.
 *
 * <p>Load per workload = daily curve (peak at the workload's local peak hour) × weekday/weekend ×
 * compound growth × log-normal noise. Autoscaled groups bill one instance-hour line per running
 * instance (instance i runs while the group needs more than i); fixed resources bill their consumed
 * quantity. Committed usage (a Compute Savings Plan) is billed 0 with an effective cost of 72% of
 * list; each hour the plan's fee is a Purchase line and its unused part a Usage line. Promotional
 * credits land in the first hour of each month.
 */
public final class BillingTrafficModel {

    static final BigDecimal SAVINGS_PLAN_RATE = new BigDecimal("0.72");
    static final int RUNAWAY_FACTOR = 8;
    static final int DATA_TRANSFER_FACTOR = 25;
    static final int NEW_SKU_INSTANCES = 2;

    private final BillingFleet fleet;
    private final long seed;
    private final long epochMillis;
    private final List<CostIncident> incidents;

    /**
     * @param epochMillis growth is compounded from here (the start of the generated history)
     */
    public BillingTrafficModel(
            BillingFleet fleet, long seed, long epochMillis, List<CostIncident> incidents) {
        this.fleet = fleet;
        this.seed = seed;
        this.epochMillis = epochMillis;
        this.incidents = List.copyOf(incidents);
    }

    public BillingFleet fleet() {
        return fleet;
    }

    /** Every line of the hour starting at {@code hourStart}, in a stable order. */
    public List<BillingRecord> hour(long hourStart) {
        List<BillingRecord> lines = new ArrayList<>();
        Map<BillingAccount, BigDecimal> committedUse = new LinkedHashMap<>();
        for (Workload w : fleet.workloads) {
            workloadLines(w, hourStart, lines, committedUse);
        }
        for (CostIncident incident : incidents) {
            if (incident.kind == IncidentKind.NEW_EXPENSIVE_SKU && incident.activeAt(hourStart)) {
                Workload ml = fleet.target("ml", "notebooks");
                Sku gpu = ml.service.sku("BoxUsage:p4d.24xlarge");
                for (int i = 0; i < NEW_SKU_INSTANCES; i++) {
                    lines.add(
                            usage(
                                    ml,
                                    gpu,
                                    "training-" + i,
                                    hourStart,
                                    BigDecimal.ONE,
                                    false,
                                    Map.of("application", "llm-finetune")));
                }
            }
        }
        for (BillingAccount account : fleet.accounts) {
            if (account.commitmentPerHour > 0) {
                lines.addAll(commitment(account, hourStart, committedUse.get(account)));
            }
            if (account.monthlyCredit > 0 && isFirstHourOfMonth(hourStart)) {
                lines.add(credit(account, hourStart));
            }
        }
        return lines;
    }

    private void workloadLines(
            Workload w,
            long hourStart,
            List<BillingRecord> lines,
            Map<BillingAccount, BigDecimal> committedUse) {
        double load = load(w, hourStart);
        if (w.autoscaled) {
            int running = Math.max(1, (int) Math.round(w.resources * load));
            for (CostIncident incident : incidents) {
                if (incident.kind == IncidentKind.RUNAWAY_INSTANCE_GROUP
                        && incident.activeAt(hourStart)
                        && w == fleet.target("web", "web-asg")) {
                    // the group scales out and never back in: x4 in the first hour, then x8
                    int factor =
                            incident.hoursIn(hourStart) == 0 ? RUNAWAY_FACTOR / 2 : RUNAWAY_FACTOR;
                    running = Math.max(running, w.resources * factor);
                }
            }
            for (int i = 0; i < running; i++) {
                BigDecimal quantity = BigDecimal.valueOf(w.quantityPerResource);
                boolean committed = unit(w.name, i, hourStart, 7) < w.committedShare;
                BillingRecord line =
                        usage(
                                w,
                                w.sku,
                                String.valueOf(i),
                                hourStart,
                                quantity,
                                committed,
                                Map.of());
                lines.add(line);
                if (committed) {
                    committedUse.merge(w.account, line.getEffectiveCost(), BigDecimal::add);
                }
            }
        } else {
            for (int i = 0; i < w.resources; i++) {
                double resourceShare = 0.6 + 0.8 * unit(w.name, i, 0, 3);
                double quantity = w.quantityPerResource * load * resourceShare;
                for (CostIncident incident : incidents) {
                    if (incident.kind == IncidentKind.DATA_TRANSFER_SPIKE
                            && incident.activeAt(hourStart)
                            && i == 0
                            && w == fleet.target("web", "nat")) {
                        quantity *= DATA_TRANSFER_FACTOR;
                    }
                }
                boolean committed = unit(w.name, i, hourStart, 7) < w.committedShare;
                BillingRecord line =
                        usage(
                                w,
                                w.sku,
                                String.valueOf(i),
                                hourStart,
                                BigDecimal.valueOf(quantity).setScale(6, RoundingMode.HALF_EVEN),
                                committed,
                                Map.of());
                lines.add(line);
                if (committed) {
                    committedUse.merge(w.account, line.getEffectiveCost(), BigDecimal::add);
                }
            }
        }
    }

    /** The workload's load at the hour relative to its average: seasonality × growth × noise. */
    double load(Workload w, long hourStart) {
        ZonedDateTime local =
                Instant.ofEpochMilli(hourStart).atZone(ZoneOffset.ofHours(w.region.utcOffsetHours));
        double hour = local.getHour();
        double daily = 1 + w.dailyAmplitude * Math.cos(2 * Math.PI * (hour - w.peakHour) / 24);
        int dow = local.getDayOfWeek().getValue();
        double weekly = dow >= 6 ? w.weekendFactor : 1;
        double days = (hourStart - epochMillis) / 86_400_000.0;
        double growth = Math.pow(1 + w.growthPerDay, days);
        double noise = Math.exp(w.noise * gaussian(w.name, hourStart));
        return daily * weekly * growth * noise;
    }

    private BillingRecord usage(
            Workload w,
            Sku sku,
            String resourceKey,
            long hourStart,
            BigDecimal quantity,
            boolean committed,
            Map<String, String> extraTags) {
        BigDecimal list = Money.normalize(quantity.multiply(sku.listUnitPrice));
        BigDecimal effective = committed ? Money.normalize(list.multiply(SAVINGS_PLAN_RATE)) : list;
        BigDecimal billed = committed ? Money.normalize(BigDecimal.ZERO) : list;
        String resourceId = resourceId(w, sku, resourceKey);
        Map<String, String> tags = new LinkedHashMap<>(w.tags);
        tags.putAll(extraTags);
        BillingRecord.Builder b =
                base(w.account, w.subAccount, hourStart)
                        .setRecordId(lineId(w.account.id, resourceId, sku.id, hourStart))
                        .setServiceName(w.service.name)
                        .setServiceCategory(w.service.category)
                        .setRegionId(w.region.id)
                        .setRegionName(w.region.name)
                        .setAvailabilityZone(w.provider == Provider.AWS ? w.region.id + "a" : null)
                        .setResourceId(resourceId)
                        .setResourceName(w.name + "-" + resourceKey)
                        .setResourceType(w.resourceType)
                        .setSkuId(sku.id)
                        .setSkuPriceId(sku.id + ".OnDemand")
                        .setChargeCategory("Usage")
                        .setChargeDescription(sku.description)
                        .setChargeFrequency("Usage-Based")
                        .setBilledCost(billed)
                        .setEffectiveCost(effective)
                        .setListCost(list)
                        .setContractedCost(effective)
                        .setConsumedQuantity(Money.normalize(quantity))
                        .setConsumedUnit(sku.consumedUnit)
                        .setPricingQuantity(Money.normalize(quantity))
                        .setPricingUnit(sku.pricingUnit)
                        .setListUnitPrice(Money.normalize(sku.listUnitPrice))
                        .setContractedUnitPrice(
                                Money.normalize(
                                        committed
                                                ? sku.listUnitPrice.multiply(SAVINGS_PLAN_RATE)
                                                : sku.listUnitPrice))
                        .setPricingCategory(committed ? "Committed" : "Standard")
                        .setTags(tags);
        if (committed) {
            b.setCommitmentDiscountId(savingsPlanId(w.account))
                    .setCommitmentDiscountName("Compute Savings Plan")
                    .setCommitmentDiscountCategory("Spend")
                    .setCommitmentDiscountType("Compute Savings Plan")
                    .setCommitmentDiscountStatus("Used");
        }
        return b.build();
    }

    private List<BillingRecord> commitment(
            BillingAccount account, long hourStart, BigDecimal used) {
        BigDecimal fee = Money.normalize(BigDecimal.valueOf(account.commitmentPerHour));
        BigDecimal usedAmount = used == null ? BigDecimal.ZERO : used;
        List<BillingRecord> out = new ArrayList<>();
        out.add(
                base(account, null, hourStart)
                        .setRecordId(lineId(account.id, "savings-plan", "fee", hourStart))
                        .setServiceName("Savings Plans for AWS Compute usage")
                        .setServiceCategory("Compute")
                        .setChargeCategory("Purchase")
                        .setChargeFrequency("Recurring")
                        .setChargeDescription("Compute Savings Plan hourly commitment")
                        .setBilledCost(fee)
                        .setEffectiveCost(Money.normalize(BigDecimal.ZERO))
                        .setListCost(fee)
                        .setCommitmentDiscountId(savingsPlanId(account))
                        .setCommitmentDiscountCategory("Spend")
                        .setCommitmentDiscountType("Compute Savings Plan")
                        .setPricingCategory("Committed")
                        .build());
        BigDecimal unused = fee.subtract(usedAmount);
        if (unused.signum() > 0) {
            out.add(
                    base(account, null, hourStart)
                            .setRecordId(lineId(account.id, "savings-plan", "unused", hourStart))
                            .setServiceName("Savings Plans for AWS Compute usage")
                            .setServiceCategory("Compute")
                            .setChargeCategory("Usage")
                            .setChargeFrequency("Usage-Based")
                            .setChargeDescription("Unused Compute Savings Plan commitment")
                            .setBilledCost(Money.normalize(BigDecimal.ZERO))
                            .setEffectiveCost(Money.normalize(unused))
                            .setListCost(Money.normalize(BigDecimal.ZERO))
                            .setCommitmentDiscountId(savingsPlanId(account))
                            .setCommitmentDiscountCategory("Spend")
                            .setCommitmentDiscountType("Compute Savings Plan")
                            .setCommitmentDiscountStatus("Unused")
                            .setPricingCategory("Committed")
                            .build());
        }
        return out;
    }

    private BillingRecord credit(BillingAccount account, long hourStart) {
        BigDecimal amount = Money.normalize(BigDecimal.valueOf(-account.monthlyCredit));
        return base(account, null, hourStart)
                .setRecordId(lineId(account.id, "credit", "promotional", hourStart))
                .setServiceName("Amazon Elastic Compute Cloud")
                .setServiceCategory("Compute")
                .setChargeCategory("Credit")
                .setChargeFrequency("One-Time")
                .setChargeDescription("AWS Promotional Credit")
                .setBilledCost(amount)
                .setEffectiveCost(amount)
                .setListCost(Money.normalize(BigDecimal.ZERO))
                .build();
    }

    private BillingRecord.Builder base(BillingAccount account, SubAccount sub, long hourStart) {
        ZonedDateTime month =
                Instant.ofEpochMilli(hourStart)
                        .atZone(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return BillingRecord.newBuilder()
                .setProviderName(account.provider.name)
                .setPublisherName(account.provider.invoiceIssuer)
                .setInvoiceIssuerName(account.provider.invoiceIssuer)
                .setBillingAccountId(account.id)
                .setBillingAccountName(account.name)
                .setSubAccountId(sub == null ? null : sub.id)
                .setSubAccountName(sub == null ? null : sub.name)
                .setChargePeriodStart(Instant.ofEpochMilli(hourStart))
                .setChargePeriodEnd(Instant.ofEpochMilli(hourStart + 3_600_000L))
                .setBillingPeriodStart(month.toInstant())
                .setBillingPeriodEnd(month.plusMonths(1).toInstant())
                .setBillingCurrency("USD");
    }

    private static boolean isFirstHourOfMonth(long hourStart) {
        ZonedDateTime t = Instant.ofEpochMilli(hourStart).atZone(ZoneOffset.UTC);
        return t.getDayOfMonth() == 1 && t.getHour() == 0;
    }

    private static String savingsPlanId(BillingAccount account) {
        return "arn:aws:savingsplans::" + account.id + ":savingsplan/sp-" + hex(account.id, 8);
    }

    private String resourceId(Workload w, Sku sku, String key) {
        String suffix = hex(seed + "|" + w.name + "|" + sku.id + "|" + key, 17);
        return w.service.resourcePrefix.startsWith("i-")
                ? "i-" + suffix
                : w.service.resourcePrefix + w.subAccount.name + "-" + suffix;
    }

    /** A provider-style line item id, stable for (account, resource, SKU, hour). */
    static String lineId(String account, String resource, String sku, long hourStart) {
        return hex(account + "|" + resource + "|" + sku + "|" + hourStart, 24);
    }

    private static String hex(String text, int length) {
        long h1 = fnv(text, 0xcbf29ce484222325L);
        long h2 = fnv(text, 0x84222325cbf29ce4L);
        String hex = HexFormat.of().toHexDigits(h1) + HexFormat.of().toHexDigits(h2);
        return hex.substring(0, length);
    }

    private static long fnv(String text, long basis) {
        long h = basis;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    /** A uniform number in [0, 1) that depends only on its arguments and the seed. */
    double unit(String name, int index, long hour, int salt) {
        return new SplittableRandom(mix(name, index, hour, salt)).nextDouble();
    }

    private double gaussian(String name, long hour) {
        SplittableRandom r = new SplittableRandom(mix(name, 0, hour, 11));
        double u1 = Math.max(1e-12, r.nextDouble());
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private long mix(String name, int index, long hour, int salt) {
        return fnv(name, seed) * 31 + index * 1_000_003L + hour * 7 + salt;
    }
}
