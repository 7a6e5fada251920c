package dev.guardian.billing.budget;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys budget charges by budget. */
public class BudgetIdSelector implements KeySelector<BudgetCharge, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(BudgetCharge charge) {
        return charge.budgetId;
    }
}
