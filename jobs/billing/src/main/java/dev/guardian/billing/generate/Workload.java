package dev.guardian.billing.generate;

import java.util.Map;

/**
 * One kind of usage in one sub account: a service, SKU, region and tag set, billed per resource per
 * hour. Either a group of instances whose count follows the load (autoscaled), or a fixed set of
 * resources whose consumed quantity follows it.
 */
public final class Workload {

    public final String name;
    public final Provider provider;
    public final BillingAccount account;
    public final SubAccount subAccount;
    public final Provider.Service service;
    public final Sku sku;
    public final Provider.Region region;
    public final String resourceType;
    public final Map<String, String> tags;

    /** Instances at average load (autoscaled), or resources (fixed). */
    public final int resources;

    /** Consumed quantity per resource-hour at average load (1 for instance-hours). */
    public final double quantityPerResource;

    public final boolean autoscaled;

    /** Depth of the daily curve: 0 flat, 0.6 a busy afternoon and a quiet night. */
    public final double dailyAmplitude;

    /** Load on Saturday and Sunday relative to weekdays. */
    public final double weekendFactor;

    /** Hour of the daily peak, in the region's local time. */
    public final int peakHour;

    /** Relative growth per day. */
    public final double growthPerDay;

    /** Standard deviation of the hourly multiplicative noise. */
    public final double noise;

    /** Share of the cost covered by the account's commitment (savings plan), 0..1. */
    public final double committedShare;

    Workload(Builder b) {
        this.name = b.name;
        this.provider = b.provider;
        this.account = b.account;
        this.subAccount = b.subAccount;
        this.service = b.service;
        this.sku = b.sku;
        this.region = b.region;
        this.resourceType = b.resourceType;
        this.tags = Map.copyOf(b.tags);
        this.resources = b.resources;
        this.quantityPerResource = b.quantityPerResource;
        this.autoscaled = b.autoscaled;
        this.dailyAmplitude = b.dailyAmplitude;
        this.weekendFactor = b.weekendFactor;
        this.peakHour = b.peakHour;
        this.growthPerDay = b.growthPerDay;
        this.noise = b.noise;
        this.committedShare = b.committedShare;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        String name;
        Provider provider;
        BillingAccount account;
        SubAccount subAccount;
        Provider.Service service;
        Sku sku;
        Provider.Region region;
        String resourceType = "";
        Map<String, String> tags = Map.of();
        int resources = 1;
        double quantityPerResource = 1;
        boolean autoscaled;
        double dailyAmplitude = 0.3;
        double weekendFactor = 0.8;
        int peakHour = 15;
        double growthPerDay = 0.002;
        double noise = 0.05;
        double committedShare;

        Workload build() {
            return new Workload(this);
        }
    }
}
