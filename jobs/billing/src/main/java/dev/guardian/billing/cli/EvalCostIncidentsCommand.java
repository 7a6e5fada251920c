package dev.guardian.billing.cli;

import dev.guardian.billing.budget.Budgets;
import dev.guardian.billing.generate.BillingScenario;
import dev.guardian.billing.generate.CostIncident;
import dev.guardian.billing.generate.IncidentKind;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code guardian eval cost-incidents}: generated billing with each injected incident, through the
 * billing job on a local mini cluster. Per incident: whether it alerted, the detection delay in
 * billing-data time (from the start of the first costly hour to the data time of the alert; an
 * hour's lines exist once it ends, so one hour is the floor), the root cause and its dollars; and
 * every alert that matches no incident (false alarms).
 */
public final class EvalCostIncidentsCommand implements Command {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private final PrintStream out;

    public EvalCostIncidentsCommand() {
        this(System.out);
    }

    EvalCostIncidentsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "cost-incidents";
    }

    @Override
    public String summary() {
        return "detection delay and root cause of each injected cost incident";
    }

    @Override
    public String usage() {
        return "[--days N (14)] [--accounts N (3)] [--seed S (11)] [--model DIR]";
    }

    @Override
    public int run(Args args) throws Exception {
        int days = Math.max(6, args.intValue("days", 14));
        int accounts = args.intValue("accounts", 3);
        long seed = args.longValue("seed", 11);
        Optional<String> model = args.string("model");
        args.rejectUnknown();
        long start = Instant.parse("2026-02-02T00:00:00Z").toEpochMilli();
        long end = start + days * DAY;
        // three incidents on the last days, two of them on the same account x service, apart
        List<CostIncident> incidents =
                List.of(
                        new CostIncident(
                                IncidentKind.RUNAWAY_INSTANCE_GROUP,
                                end - 3 * DAY + 10 * HOUR,
                                end - 3 * DAY + 16 * HOUR),
                        new CostIncident(
                                IncidentKind.DATA_TRANSFER_SPIKE,
                                end - 2 * DAY + 19 * HOUR,
                                end - 2 * DAY + 23 * HOUR),
                        new CostIncident(
                                IncidentKind.NEW_EXPENSIVE_SKU,
                                end - DAY + 9 * HOUR,
                                end - DAY + 15 * HOUR));
        BillingScenario scenario =
                new BillingScenario(seed, accounts, start, end, incidents, 0.01, true);
        out.printf(
                "eval cost-incidents: %d days, %d billing accounts, %,d records, forecaster %s%n",
                days,
                accounts,
                scenario.deliveries.size(),
                model.map(m -> "model " + m).orElse("statistical"));
        ScenarioRun.Result result =
                ScenarioRun.run(
                        ScenarioRun.encode(scenario),
                        ScenarioRun.configuration(model.orElse(null)),
                        Budgets.none());
        List<Alert> firing = new ArrayList<>();
        for (Alert a : result.alerts) {
            if (a.getStatus() == AlertStatus.FIRING) {
                firing.add(a);
            }
        }
        int detected = 0;
        List<Alert> matched = new ArrayList<>();
        for (CostIncident incident : incidents) {
            String entity = scenario.entityOf(incident.kind);
            Alert hit = null;
            for (Alert a : firing) {
                long startsAt = a.getStartsAt().toEpochMilli();
                if (a.getEntity().equals(entity)
                        && startsAt >= incident.startMillis
                        && startsAt < incident.endMillis) {
                    hit = a;
                    break;
                }
            }
            if (hit == null) {
                out.printf(
                        "%-24s %s from %s: NOT DETECTED%n",
                        incident.kind.cliName(),
                        entity,
                        Instant.ofEpochMilli(incident.startMillis));
                continue;
            }
            detected++;
            matched.add(hit);
            Anomaly anomaly = null;
            for (Anomaly an : result.anomalies) {
                if (an.getId().equals(hit.getOriginId())) {
                    anomaly = an;
                }
            }
            Duration delay = Duration.ofMillis(hit.getTime().toEpochMilli() - incident.startMillis);
            out.printf(
                    Locale.ROOT,
                    "%-24s %s from %s: alert at data time %s, delay %d min, root cause %s (%s of"
                            + " %s excess)%n",
                    incident.kind.cliName(),
                    entity,
                    Instant.ofEpochMilli(incident.startMillis),
                    hit.getTime(),
                    delay.toMinutes(),
                    anomaly == null ? "?" : anomaly.getDriver(),
                    anomaly == null ? "?" : "$" + anomaly.getEvidence().get("rootCause.amount"),
                    anomaly == null ? "?" : "$" + anomaly.getEvidence().get("excess"));
        }
        List<Alert> falseAlarms = new ArrayList<>(firing);
        falseAlarms.removeAll(matched);
        for (Alert a : falseAlarms) {
            out.printf("false alarm: %s at %s: %s%n", a.getEntity(), a.getStartsAt(), a.getTitle());
        }
        out.printf(
                Locale.ROOT,
                "keys %d, key-hours judged %,d%ndetected %d/%d%nfalseAlarms %d%n",
                result.forecasts.stream().map(f -> f.getEntity()).distinct().count(),
                result.forecasts.size() / 2,
                detected,
                incidents.size(),
                falseAlarms.size());
        return detected == incidents.size() ? 0 : 1;
    }
}
