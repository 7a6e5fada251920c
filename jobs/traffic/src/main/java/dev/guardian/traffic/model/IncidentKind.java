package dev.guardian.traffic.model;

import java.util.List;
import java.util.Locale;

/**
 * The incidents the generator can inject, each on the metric families an SRE would look at for it.
 * {@link #effect()} is what the generator prints, so a demo knows what a detector should find.
 */
public enum IncidentKind {
    LATENCY_SPIKE(List.of(MetricFamily.HTTP_REQUEST_DURATION_SECONDS), true, "p95 latency x8"),
    ERROR_BURST(
            List.of(MetricFamily.HTTP_REQUEST_ERRORS_TOTAL),
            true,
            "30% of requests fail: the error counter's rate rises 30-300 fold"),
    CPU_SATURATION(
            List.of(MetricFamily.CPU_UTILIZATION, MetricFamily.QUEUE_DEPTH),
            true,
            "CPU pinned at 0.97-0.99 and the queue backlog grows by 20 messages/s"),
    FLATLINE(
            List.of(MetricFamily.HTTP_REQUESTS_TOTAL, MetricFamily.CPU_UTILIZATION),
            false,
            "the process hangs: request counter stops increasing, CPU frozen at one value"),
    LEVEL_SHIFT(
            List.of(MetricFamily.MEMORY_USED_BYTES),
            false,
            "memory used steps up by 30% of the memory limit");

    private final List<MetricFamily> families;
    private final boolean gradual;
    private final String effect;

    IncidentKind(List<MetricFamily> families, boolean gradual, String effect) {
        this.families = families;
        this.gradual = gradual;
        this.effect = effect;
    }

    /** Ramps up to full strength rather than stepping. */
    public boolean isGradual() {
        return gradual;
    }

    /** The families whose series change; every other series is untouched. */
    public List<MetricFamily> families() {
        return families;
    }

    public String effect() {
        return effect;
    }

    /** The command-line name, e.g. {@code latency-spike}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IncidentKind fromCliName(String name) {
        for (IncidentKind kind : values()) {
            if (kind.cliName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown incident '" + name + "'; one of " + cliNames());
    }

    public static String cliNames() {
        StringBuilder sb = new StringBuilder();
        for (IncidentKind kind : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(kind.cliName());
        }
        return sb.toString();
    }
}
