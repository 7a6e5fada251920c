package dev.guardian.billing.budget;

import java.math.BigDecimal;

/** A budget after one hour: the period's actual spend and its projection. A Flink POJO. */
public class BudgetStatus {

    public String budgetId;
    public String budgetName;
    public long periodStart;
    public long hourStart;
    public String currency;
    public BigDecimal amount;
    public BigDecimal actual;
    public BigDecimal projected;
    public BigDecimal projectedLower;
    public BigDecimal projectedUpper;

    /** Day the projection crosses the amount (epoch day), or -1. */
    public long breachDay = -1;

    public BudgetStatus() {}
}
