package dev.guardian.billing.budget;

import dev.guardian.billing.detect.HourlyHistory;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.ForecastDefaults;
import dev.guardian.billing.forecast.SeasonalForecaster;
import dev.guardian.billing.forecast.SeriesWindow;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Money;
import dev.guardian.schemas.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by budget id: the period's actual spend (exact decimals) and its hourly history. When an
 * hour closes (watermark), the budget is judged:
 *
 * <ul>
 *   <li>each threshold that actual spend has crossed alerts once per period ("actual $X crossed 80%
 *       of $Y");
 *   <li>the statistical forecaster projects the rest of the month from the budget's own hourly
 *       history; if the month's projected total exceeds the amount, one alert per period says by
 *       how much and on which day the running total is expected to cross it.
 * </ul>
 *
 * Every closed hour also leaves a {@link BudgetStatus} (the dashboard's budget burn). A charge for
 * an hour already closed still counts in its period's actual spend and corrects the history.
 */
public class BudgetTracker extends KeyedProcessFunction<String, BudgetCharge, Alert> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = HourlyHistory.HOUR;
    static final int MIN_HISTORY_HOURS = 72;

    public static final OutputTag<BudgetStatus> STATUS =
            new OutputTag<>("budget-status", TypeInformation.of(BudgetStatus.class));

    private final Map<String, Budget> budgets = new HashMap<>();
    private final String dashboardUrl;

    private transient MapState<Long, BudgetPeriod> periods;
    private transient ValueState<HourlyHistory> history;
    private transient MapState<Long, Double> openHours;
    private transient SeasonalForecaster forecaster;

    public BudgetTracker(Budgets budgets, String dashboardUrl) {
        budgets.budgets.forEach(b -> this.budgets.put(b.id, b));
        this.dashboardUrl = dashboardUrl;
    }

    @Override
    public void open(OpenContext openContext) {
        periods =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "periods",
                                        Types.LONG,
                                        TypeInformation.of(BudgetPeriod.class)));
        history =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "hourly-history", TypeInformation.of(HourlyHistory.class)));
        openHours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("open-hours", Types.LONG, Types.DOUBLE));
        forecaster = new SeasonalForecaster();
    }

    @Override
    public void processElement(BudgetCharge charge, Context ctx, Collector<Alert> out)
            throws Exception {
        long month = ForecastDefaults.monthStart(charge.hourStart);
        BudgetPeriod period = periods.get(month);
        if (period == null) {
            period = new BudgetPeriod();
            period.monthStart = month;
        }
        period.actual = period.actual.add(charge.amount);
        periods.put(month, period);
        double amount = charge.amount.doubleValue();
        HourlyHistory past = history.value();
        if (past != null && past.isClosed(charge.hourStart)) {
            if (past.correct(charge.hourStart, amount)) {
                history.update(past);
            }
            return;
        }
        Double open = openHours.get(charge.hourStart);
        if (open == null) {
            ctx.timerService().registerEventTimeTimer(charge.hourStart + HOUR - 1);
            open = 0.0;
        }
        openHours.put(charge.hourStart, open + amount);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long hour = timestamp + 1 - HOUR;
        Double amount = openHours.get(hour);
        if (amount == null) {
            return;
        }
        openHours.remove(hour);
        HourlyHistory past = history.value();
        if (past == null) {
            past = new HourlyHistory();
        }
        past.close(hour, amount, ForecastDefaults.HISTORY_DAYS * 24);
        history.update(past);

        Budget budget = budgets.get(ctx.getCurrentKey());
        if (budget == null) {
            return; // removed from the file since the last savepoint
        }
        long origin = hour + HOUR;
        long month = ForecastDefaults.monthStart(hour);
        BudgetPeriod period = periods.get(month);
        if (period == null) {
            return;
        }
        forgetOldPeriods(month);
        BigDecimal actual = period.actual;
        for (int i = 0; i < budget.thresholds.length; i++) {
            BigDecimal limit = budget.amount.multiply(BigDecimal.valueOf(budget.thresholds[i]));
            if ((period.thresholdsAlerted & (1 << i)) == 0 && actual.compareTo(limit) >= 0) {
                period.thresholdsAlerted |= 1 << i;
                out.collect(thresholdAlert(budget, period, budget.thresholds[i], origin));
            }
        }
        BudgetStatus status = status(budget, period, hour);
        int remaining = ForecastDefaults.stepsToMonthEnd(origin, HOUR);
        if (remaining > 0 && past.length() >= MIN_HISTORY_HOURS) {
            ForecastBands bands =
                    forecaster.forecast(
                            new SeriesWindow(
                                    past.values, origin, HOUR, Math.max(1, remaining), remaining));
            double so = actual.doubleValue();
            status.projected = money(so + bands.monthRemainder[0]);
            status.projectedLower = money(so + bands.monthRemainder[1]);
            status.projectedUpper = money(so + bands.monthRemainder[2]);
            double running = so;
            double limit = budget.amount.doubleValue();
            for (int h = 0; h < bands.expected.length && running < limit; h++) {
                running += bands.expected[h];
                if (running >= limit) {
                    status.breachDay = Math.floorDiv(origin + h * HOUR, 86_400_000L);
                }
            }
            if (budget.forecastAlert
                    && !period.forecastAlerted
                    && status.projected.compareTo(budget.amount) > 0
                    && actual.compareTo(budget.amount) < 0) {
                period.forecastAlerted = true;
                out.collect(forecastAlert(budget, period, status, origin));
            }
        }
        periods.put(month, period);
        ctx.output(STATUS, status);
    }

    private void forgetOldPeriods(long month) throws Exception {
        List<Long> old = new java.util.ArrayList<>();
        for (Long start : periods.keys()) {
            if (start < ForecastDefaults.monthStart(month - 1)) {
                old.add(start);
            }
        }
        for (Long start : old) {
            periods.remove(start);
        }
    }

    private BudgetStatus status(Budget budget, BudgetPeriod period, long hour) {
        BudgetStatus s = new BudgetStatus();
        s.budgetId = budget.id;
        s.budgetName = budget.name;
        s.periodStart = period.monthStart;
        s.hourStart = hour;
        s.currency = budget.currency;
        s.amount = Money.normalize(budget.amount);
        s.actual = Money.normalize(period.actual);
        s.projected = s.actual;
        s.projectedLower = s.actual;
        s.projectedUpper = s.actual;
        return s;
    }

    Alert thresholdAlert(Budget budget, BudgetPeriod period, double threshold, long time) {
        String month = monthText(period.monthStart);
        int percent = (int) Math.round(threshold * 100);
        String title =
                String.format(
                        Locale.ROOT,
                        "Budget %s: actual spend %s crossed %d%% of %s for %s",
                        budget.name,
                        dollars(period.actual, budget.currency),
                        percent,
                        dollars(budget.amount, budget.currency),
                        month);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("actual", period.actual.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        evidence.put("amount", budget.amount.toPlainString());
        evidence.put("threshold", Double.toString(threshold));
        evidence.put("scope", budget.scopeText());
        return alert(
                        budget,
                        period,
                        "threshold-" + percent,
                        "budget-threshold",
                        threshold >= 1 ? AlertSeverity.ERROR : AlertSeverity.WARNING,
                        title,
                        title + ". Scope: " + budget.scopeText() + ".",
                        evidence,
                        time)
                .setValue(period.actual.doubleValue())
                .setExpected(budget.amount.doubleValue() * threshold)
                .build();
    }

    Alert forecastAlert(Budget budget, BudgetPeriod period, BudgetStatus status, long time) {
        BigDecimal over = status.projected.subtract(budget.amount);
        String day =
                status.breachDay < 0
                        ? "before the month ends"
                        : "on " + LocalDate.ofEpochDay(status.breachDay);
        String title =
                String.format(
                        Locale.ROOT,
                        "Budget %s: projected %s over budget %s (month-end projection %s vs %s)",
                        budget.name,
                        dollars(over, budget.currency),
                        day,
                        dollars(status.projected, budget.currency),
                        dollars(budget.amount, budget.currency));
        String summary =
                title
                        + String.format(
                                Locale.ROOT,
                                ". Actual so far %s (%d%%); 80%% interval of the month's total %s to %s."
                                        + " Scope: %s.",
                                dollars(period.actual, budget.currency),
                                Math.round(
                                        100
                                                * period.actual.doubleValue()
                                                / budget.amount.doubleValue()),
                                dollars(status.projectedLower, budget.currency),
                                dollars(status.projectedUpper, budget.currency),
                                budget.scopeText());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("actual", period.actual.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        evidence.put("amount", budget.amount.toPlainString());
        evidence.put(
                "projected", status.projected.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        evidence.put("projectedOver", over.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        evidence.put(
                "breachDay",
                status.breachDay < 0 ? "" : LocalDate.ofEpochDay(status.breachDay).toString());
        evidence.put("scope", budget.scopeText());
        return alert(
                        budget,
                        period,
                        "forecast",
                        "budget-forecast",
                        AlertSeverity.WARNING,
                        title,
                        summary,
                        evidence,
                        time)
                .setValue(status.projected.doubleValue())
                .setExpected(budget.amount.doubleValue())
                .build();
    }

    private Alert.Builder alert(
            Budget budget,
            BudgetPeriod period,
            String what,
            String kind,
            AlertSeverity severity,
            String title,
            String summary,
            Map<String, String> evidence,
            long time) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kind", kind);
        labels.put("budgetId", budget.id);
        labels.put("class", "cost");
        labels.put("component", "budget");
        budget.tags.getOrDefault("team", List.of()).stream()
                .findFirst()
                .ifPresent(t -> labels.put("team", t));
        return Alert.newBuilder()
                .setFingerprint(
                        "budget:" + budget.id + ":" + monthText(period.monthStart) + ":" + what)
                .setSource(Source.BILLING)
                .setSeverity(severity)
                .setStatus(AlertStatus.FIRING)
                .setTitle(title.length() > 1024 ? title.substring(0, 1021) + "..." : title)
                .setSummary(summary)
                .setEntity("budget:" + budget.id)
                .setLabels(labels)
                .setLinks(
                        List.of(
                                new Link(
                                        dashboardUrl + "?var-budget=" + budget.id,
                                        "Cost dashboard")))
                .setEvidence(evidence)
                .setStartsAt(Instant.ofEpochMilli(time))
                .setTime(Instant.ofEpochMilli(time));
    }

    private static String monthText(long monthStart) {
        return Instant.ofEpochMilli(monthStart)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString()
                .substring(0, 7);
    }

    private static BigDecimal money(double value) {
        return Money.normalize(BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN));
    }

    static String dollars(BigDecimal amount, String currency) {
        String number = String.format(Locale.ROOT, "%,.2f", amount.abs());
        String sign = amount.signum() < 0 ? "-" : "";
        return "USD".equals(currency) ? sign + "$" + number : sign + number + " " + currency;
    }
}
