package dev.guardian.billing.detect;

import dev.guardian.billing.record.CostChange;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps the charge categories whose cost is forecast (by default Usage). */
public class ForecastableCharges implements FilterFunction<CostChange> {

    private static final long serialVersionUID = 1L;

    private final Set<String> categories;

    public ForecastableCharges(Set<String> categories) {
        this.categories = Set.copyOf(categories);
    }

    @Override
    public boolean filter(CostChange c) {
        return categories.contains(c.chargeCategory);
    }
}
