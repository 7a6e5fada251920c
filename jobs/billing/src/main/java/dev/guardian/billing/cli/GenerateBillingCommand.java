package dev.guardian.billing.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.billing.generate.BillingFleet;
import dev.guardian.billing.generate.BillingTrafficModel;
import dev.guardian.billing.generate.CostIncident;
import dev.guardian.billing.generate.Delivery;
import dev.guardian.billing.generate.DeliverySchedule;
import dev.guardian.billing.generate.FocusCsvWriter;
import dev.guardian.billing.generate.IncidentKind;
import dev.guardian.billing.generate.Workload;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.WireFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code guardian generate billing}: realistic FOCUS billing records, to Kafka or a FOCUS CSV file.
 * Hours of usage from {@code --start} (default: {@code --days} before now) to now, delivered as a
 * provider does (see {@link DeliverySchedule}), with the injected incidents; {@code --follow} then
 * keeps billing each hour as it ends.
 */
public final class GenerateBillingCommand implements Command {

    private static final long HOUR = 3_600_000L;
    private final PrintStream out;

    public GenerateBillingCommand() {
        this(System.out);
    }

    GenerateBillingCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "generate";
    }

    @Override
    public String subject() {
        return "billing";
    }

    @Override
    public String summary() {
        return "realistic FOCUS billing records (seasonal usage, growth, savings plans, credits,"
                + " restatements, incidents) to Kafka or a CSV file";
    }

    @Override
    public String usage() {
        return "[--days N (35) | --start INSTANT] [--end INSTANT (now)] [--accounts N (6)]"
                + " [--seed S (42)] [--incident runaway-instance-group|new-expensive-sku|"
                + "data-transfer-spike[,...]] [--incident-at D|INSTANT (end - duration)]"
                + " [--incident-duration D (6h)] [--incident-report FILE] [--restatements R (0.01)]"
                + " [--no-redelivery] [--delivery-delay D (0)] [--bad-ratio R (0)]"
                + " [--out FILE.csv | --bootstrap HOST:PORT --topic T --format avro|json]"
                + " [--speed HOURS_PER_SECOND] [--follow]";
    }

    @Override
    public int run(Args args) throws Exception {
        long seed = args.longValue("seed", 42);
        int accounts = args.intValue("accounts", 6);
        int days = args.intValue("days", 35);
        Instant end =
                args.string("end")
                        .map(s -> parseInstant("--end", s))
                        .orElse(Instant.now())
                        .truncatedTo(ChronoUnit.HOURS);
        Instant start =
                args.string("start")
                        .map(s -> parseInstant("--start", s).truncatedTo(ChronoUnit.HOURS))
                        .orElse(end.minus(Duration.ofDays(days)));
        List<IncidentKind> kinds = new ArrayList<>();
        for (String value : args.strings("incident")) {
            for (String name : value.split(",")) {
                try {
                    kinds.add(IncidentKind.fromCliName(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--incident: " + e.getMessage());
                }
            }
        }
        Duration incidentDuration = args.duration("incident-duration", Duration.ofHours(6));
        Optional<String> incidentAt = args.string("incident-at");
        Optional<String> report = args.string("incident-report");
        double restatements = args.doubleValue("restatements", 0.01);
        boolean redeliver = !args.flag("no-redelivery");
        Duration delay = args.duration("delivery-delay", Duration.ZERO);
        double badRatio = args.doubleValue("bad-ratio", 0);
        Optional<String> file = args.string("out");
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.BILLING_RECORDS.topicName());
        String formatName = args.string("format", "avro");
        Optional<Double> speed = args.string("speed").map(s -> args.doubleValue("speed", 1));
        boolean follow = args.flag("follow");
        args.rejectUnknown();
        if (!start.isBefore(end)) {
            throw new UsageException("--start must be before --end");
        }
        if (follow && file.isPresent()) {
            throw new UsageException("--follow writes to Kafka, not to --out");
        }
        WireFormat format;
        try {
            format = WireFormat.fromCliName(formatName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }

        long incidentStart =
                incidentAt
                        .map(s -> incidentStart(s, start, end))
                        .orElse(end.minus(incidentDuration).toEpochMilli());
        incidentStart = Math.floorDiv(incidentStart, HOUR) * HOUR;
        List<CostIncident> incidents = new ArrayList<>();
        for (IncidentKind kind : kinds) {
            incidents.add(
                    new CostIncident(
                            kind, incidentStart, incidentStart + incidentDuration.toMillis()));
        }
        BillingFleet fleet = new BillingFleet(seed, accounts);
        BillingTrafficModel model =
                new BillingTrafficModel(fleet, seed, start.toEpochMilli(), incidents);
        DeliverySchedule schedule =
                new DeliverySchedule(model, seed, delay.toMillis(), restatements, redeliver);

        out.printf(
                "billing: %d billing accounts, %d workloads, %s to %s%s%n",
                fleet.accounts.size(),
                fleet.workloads.size(),
                start,
                end,
                follow ? ", then live" : "");
        for (CostIncident incident : incidents) {
            out.printf(
                    "incident %s from %s to %s in %s%n",
                    incident.kind.cliName(),
                    Instant.ofEpochMilli(incident.startMillis),
                    Instant.ofEpochMilli(incident.endMillis),
                    describe(fleet, incident.kind));
        }
        if (report.isPresent()) {
            writeReport(Path.of(report.get()), fleet, incidents, seed);
        }

        Map<Delivery.Kind, Long> counts = new EnumMap<>(Delivery.Kind.class);
        long bad = 0;
        SplittableRandom badRandom = new SplittableRandom(seed * 31 + 7);
        long started = System.nanoTime();
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try (FocusCsvWriter writer =
                    new FocusCsvWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
                for (long hour = start.toEpochMilli(); hour < end.toEpochMilli(); hour += HOUR) {
                    schedule.generate(hour);
                    for (Delivery d : schedule.due(hour + HOUR + delay.toMillis())) {
                        writer.write(d.record);
                        counts.merge(d.kind, 1L, Long::sum);
                    }
                }
            }
            out.printf("wrote %s%n", path);
        } else {
            try (BillingRecordSender sender =
                    BillingRecordSender.open(
                            bootstrap, topic, "guardian-generate-billing", format)) {
                long hour = start.toEpochMilli();
                while (true) {
                    if (hour >= end.toEpochMilli()) {
                        if (!follow) {
                            break;
                        }
                        long wait = hour + HOUR + delay.toMillis() - System.currentTimeMillis();
                        if (wait > 0) {
                            sender.flush();
                            Thread.sleep(wait);
                        }
                    }
                    schedule.generate(hour);
                    for (Delivery d : schedule.due(hour + HOUR + delay.toMillis())) {
                        sender.send(d.record);
                        counts.merge(d.kind, 1L, Long::sum);
                        if (badRatio > 0 && badRandom.nextDouble() < badRatio) {
                            sender.sendRaw(new byte[0], badRecord(badRandom));
                            bad++;
                        }
                    }
                    hour += HOUR;
                    if (speed.isPresent()) {
                        sender.flush();
                        Thread.sleep((long) (1000 / speed.get()));
                    }
                }
                sender.flush();
                out.printf(
                        "sent to %s at %s, %d acknowledged%n",
                        topic, bootstrap, sender.acknowledged());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf(
                "billing: %,d records (%s), %,d bad, %.1f s, %,.0f records/s%n",
                total, counts, bad, seconds, total / Math.max(seconds, 1e-9));
        return 0;
    }

    private static byte[] badRecord(SplittableRandom random) {
        String text =
                switch (random.nextInt(3)) {
                    case 0 ->
                            "{\"ProviderName\":\"AWS\",\"BillingAccountId\":\"1\",\"ServiceName\":\"S\","
                                    + "\"ChargeCategory\":\"Usage\",\"ChargePeriodStart\":\"2026-01-01 00:00:00\","
                                    + "\"ChargePeriodEnd\":\"2026-01-01 01:00:00\",\"BilledCost\":\"NaN\","
                                    + "\"EffectiveCost\":1,\"BillingCurrency\":\"USD\"}";
                    case 1 -> "{\"ProviderName\":\"AWS\",\"ServiceName\":\"S\"}";
                    default -> "\u00c3\u0001garbage";
                };
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String describe(BillingFleet fleet, IncidentKind kind) {
        Workload w =
                switch (kind) {
                    case RUNAWAY_INSTANCE_GROUP -> fleet.target("web", "web-asg");
                    case NEW_EXPENSIVE_SKU -> fleet.target("ml", "notebooks");
                    case DATA_TRANSFER_SPIKE -> fleet.target("web", "nat");
                };
        String service = kind == IncidentKind.DATA_TRANSFER_SPIKE ? w.service.name : w.service.name;
        return w.account.id + "|" + service + " (" + w.subAccount.name + ", " + w.region.id + ")";
    }

    private static void writeReport(
            Path path, BillingFleet fleet, List<CostIncident> incidents, long seed)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode list = json.createArrayNode();
        for (CostIncident incident : incidents) {
            Workload w =
                    switch (incident.kind) {
                        case RUNAWAY_INSTANCE_GROUP -> fleet.target("web", "web-asg");
                        case NEW_EXPENSIVE_SKU -> fleet.target("ml", "notebooks");
                        case DATA_TRANSFER_SPIKE -> fleet.target("web", "nat");
                    };
            ObjectNode node = list.addObject();
            node.put("kind", incident.kind.cliName());
            node.put("start", Instant.ofEpochMilli(incident.startMillis).toString());
            node.put("end", Instant.ofEpochMilli(incident.endMillis).toString());
            node.put("entity", w.account.id + "|" + w.service.name);
            node.put("billingAccountId", w.account.id);
            node.put("serviceName", w.service.name);
            node.put("subAccountId", w.subAccount.id);
            node.put("regionId", w.region.id);
            node.put(
                    "expectedCause",
                    switch (incident.kind) {
                        case RUNAWAY_INSTANCE_GROUP ->
                                "skuId="
                                        + w.sku.id
                                        + " or tag application="
                                        + w.tags.get("application");
                        case NEW_EXPENSIVE_SKU -> "skuId=BoxUsage:p4d.24xlarge";
                        case DATA_TRANSFER_SPIKE -> "resourceId of the first NAT gateway";
                    });
        }
        ObjectNode root = json.createObjectNode();
        root.put("seed", seed);
        root.set("incidents", list);
        Files.writeString(path, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static long incidentStart(String value, Instant start, Instant end) {
        if (Character.isDigit(value.charAt(0)) && !value.contains("T") && !value.contains("-")) {
            return start.plus(Args.parseDuration("--incident-at", value)).toEpochMilli();
        }
        return parseInstant("--incident-at", value).toEpochMilli();
    }

    private static Instant parseInstant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(
                    option
                            + " must be an ISO-8601 instant like 2026-01-05T00:00:00Z, got '"
                            + value
                            + "'");
        }
    }
}
