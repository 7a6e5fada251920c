package dev.guardian.billing.budget;

import dev.guardian.billing.record.CostChange;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** One {@link BudgetCharge} per budget whose scope a cost change falls in. */
public class BudgetMatcher implements FlatMapFunction<CostChange, BudgetCharge> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = 3_600_000L;

    private final Budgets budgets;

    public BudgetMatcher(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public void flatMap(CostChange change, Collector<BudgetCharge> out) {
        for (Budget budget : budgets.budgets) {
            if (budget.matches(change)) {
                out.collect(
                        new BudgetCharge(
                                budget.id,
                                Math.floorDiv(change.periodStart, HOUR) * HOUR,
                                budget.amountOf(change)));
            }
        }
    }
}
