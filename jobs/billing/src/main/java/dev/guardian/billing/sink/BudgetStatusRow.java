package dev.guardian.billing.sink;

import dev.guardian.billing.budget.BudgetStatus;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A budget status as a row of {@code guardian.budget_status}. */
public class BudgetStatusRow implements ClickHouseRowConverter<BudgetStatus> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "budget_status";

    @Override
    public Map<String, Object> toRow(BudgetStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("budget_id", s.budgetId);
        row.put("budget_name", s.budgetName);
        row.put(
                "period",
                LocalDate.ofInstant(Instant.ofEpochMilli(s.periodStart), ZoneOffset.UTC)
                        .toString());
        row.put("hour", Instant.ofEpochMilli(s.hourStart));
        row.put("currency", s.currency);
        row.put("amount", s.amount);
        row.put("actual", s.actual);
        row.put("projected", s.projected);
        row.put("projected_lower", s.projectedLower);
        row.put("projected_upper", s.projectedUpper);
        row.put(
                "breach_day",
                s.breachDay < 0 ? null : LocalDate.ofEpochDay(s.breachDay).toString());
        return row;
    }
}
