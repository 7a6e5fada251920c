package dev.guardian.logs.traffic;

import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The generated log stream, line after line in time order (pure and seeded: no I/O, no clock). Base
 * lines come at {@code rate} per second from the services in proportion to their share; an incident
 * adds lines (drawn from their own random source, so every other line is exactly what it would have
 * been) or, for a silent service, drops that service's lines.
 */
public final class LogTraffic {

    private final double rate;
    private final long start;
    private final Optional<LogIncident> incident;
    private final Random base;
    private final Random extra;
    private final double[] cumulative;
    private final ArrayDeque<LogEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<Boolean> pendingExtra = new ArrayDeque<>();
    private boolean lastExtra;
    private final ServiceCatalog.Service incidentService;
    private final List<ServiceCatalog.Line> incidentLines;
    private final double incidentRate;
    private double incidentDue;
    private long slot;

    public LogTraffic(long startMillis, double rate, long seed, Optional<LogIncident> incident) {
        this.rate = rate;
        this.start = startMillis;
        this.incident = incident;
        this.base = new Random(seed);
        this.extra = new Random(seed * 31 + 7);
        List<ServiceCatalog.Service> services = ServiceCatalog.SERVICES;
        cumulative = new double[services.size()];
        double total = services.stream().mapToDouble(ServiceCatalog.Service::share).sum();
        double sum = 0;
        for (int i = 0; i < services.size(); i++) {
            sum += services.get(i).share() / total;
            cumulative[i] = sum;
        }
        if (incident.isPresent()) {
            incidentService = ServiceCatalog.named(incident.get().service());
            double serviceRate = rate * incidentService.share() / total;
            switch (incident.get().kind()) {
                case NEW_EXCEPTION -> {
                    incidentLines = List.of(ServiceCatalog.newException(incidentService));
                    incidentRate = Math.max(0.5, 0.05 * serviceRate);
                }
                case ERROR_BURST -> {
                    incidentLines = incidentService.errors();
                    incidentRate = Math.max(2, 0.3 * serviceRate);
                }
                default -> {
                    incidentLines = List.of();
                    incidentRate = 0;
                }
            }
        } else {
            incidentService = null;
            incidentLines = List.of();
            incidentRate = 0;
        }
    }

    /** Extra lines per second while the incident lasts (0 for a silence). */
    public double incidentRate() {
        return incidentRate;
    }

    /** The next line; the stream never ends. */
    public LogEvent next() {
        while (pending.isEmpty()) {
            long time = start + (long) (slot * 1000.0 / rate);
            slot++;
            ServiceCatalog.Service service =
                    ServiceCatalog.SERVICES.get(serviceIndex(base.nextDouble()));
            LogEvent line = line(service, pickLine(service.lines(), base), time, base);
            boolean active = incident.isPresent() && incident.get().activeAt(time);
            boolean silenced =
                    active
                            && incident.get().kind() == LogIncidentKind.SILENT_SERVICE
                            && service == incidentService;
            if (!silenced) {
                pending.add(line);
                pendingExtra.add(false);
            }
            if (active && incidentRate > 0) {
                incidentDue += incidentRate / rate;
                while (incidentDue >= 1) {
                    incidentDue--;
                    pending.add(line(incidentService, pickLine(incidentLines, extra), time, extra));
                    pendingExtra.add(true);
                }
            }
        }
        lastExtra = pendingExtra.poll();
        return pending.poll();
    }

    /**
     * Whether the line {@link #next()} returned last was added by the incident: it comes on top of
     * the base rate, so a paced sender does not wait for it.
     */
    public boolean lastWasIncidentLine() {
        return lastExtra;
    }

    private int serviceIndex(double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static ServiceCatalog.Line pickLine(List<ServiceCatalog.Line> lines, Random r) {
        double total = 0;
        for (ServiceCatalog.Line l : lines) {
            total += l.weight();
        }
        double u = r.nextDouble() * total;
        for (ServiceCatalog.Line l : lines) {
            u -= l.weight();
            if (u < 0) {
                return l;
            }
        }
        return lines.get(lines.size() - 1);
    }

    private static LogEvent line(
            ServiceCatalog.Service service, ServiceCatalog.Line kind, long time, Random r) {
        String trace =
                Long.toHexString(r.nextLong() | Long.MIN_VALUE)
                        + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
        return LogEvent.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(time))
                .setService(service.name())
                .setHost(service.host(r.nextInt(service.replicas())))
                .setSeverity(Severity.valueOf(kind.level()))
                .setMessage(kind.text().apply(r))
                .setLogger(service.logger())
                .setTraceId(trace)
                .setSpanId(trace.substring(0, 16))
                .setAttributes(new LinkedHashMap<>())
                .build();
    }
}
