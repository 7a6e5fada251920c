package dev.guardian.billing.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated billing history in memory: the deliveries of {@code [start, end)} in delivery order,
 * for evaluations, benchmarks and tests that run the job on a local mini cluster.
 */
public final class BillingScenario {

    private static final long HOUR = 3_600_000L;

    public final BillingFleet fleet;
    public final List<CostIncident> incidents;
    public final List<Delivery> deliveries;

    public BillingScenario(
            long seed,
            int accounts,
            long start,
            long end,
            List<CostIncident> incidents,
            double restatements,
            boolean redeliver) {
        this.fleet = new BillingFleet(seed, accounts);
        this.incidents = List.copyOf(incidents);
        BillingTrafficModel model = new BillingTrafficModel(fleet, seed, start, incidents);
        DeliverySchedule schedule = new DeliverySchedule(model, seed, 0, restatements, redeliver);
        List<Delivery> out = new ArrayList<>();
        for (long hour = start; hour < end; hour += HOUR) {
            schedule.generate(hour);
            out.addAll(schedule.due(hour + HOUR));
        }
        this.deliveries = out;
    }

    /** The entity ({@code account|service}) the incident hits. */
    public String entityOf(IncidentKind kind) {
        Workload w = workloadOf(kind);
        return w.account.id + "|" + w.service.name;
    }

    public Workload workloadOf(IncidentKind kind) {
        switch (kind) {
            case RUNAWAY_INSTANCE_GROUP:
                return fleet.target("web", "web-asg");
            case NEW_EXPENSIVE_SKU:
                return fleet.target("ml", "notebooks");
            default:
                return fleet.target("web", "nat");
        }
    }
}
