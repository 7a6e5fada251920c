package dev.guardian.billing.budget;

import java.math.BigDecimal;

/** A budget's calendar month: actual spend so far and which alerts it has raised. A POJO. */
public class BudgetPeriod {

    public long monthStart;
    public BigDecimal actual = BigDecimal.ZERO;

    /** Bit i set: threshold i of the budget has alerted in this period. */
    public int thresholdsAlerted;

    public boolean forecastAlerted;

    public BudgetPeriod() {}
}
