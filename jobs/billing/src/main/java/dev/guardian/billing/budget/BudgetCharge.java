package dev.guardian.billing.budget;

import java.math.BigDecimal;

/** A cost change counted by one budget. A Flink POJO keyed by {@link #budgetId}. */
public class BudgetCharge {

    public String budgetId;
    public long hourStart;
    public BigDecimal amount;

    public BudgetCharge() {}

    public BudgetCharge(String budgetId, long hourStart, BigDecimal amount) {
        this.budgetId = budgetId;
        this.hourStart = hourStart;
        this.amount = amount;
    }

    public String getBudgetId() {
        return budgetId;
    }
}
