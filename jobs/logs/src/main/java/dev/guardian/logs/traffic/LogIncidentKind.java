package dev.guardian.logs.traffic;

import java.util.List;
import java.util.Locale;

/** The incidents {@code guardian generate logs} can inject, and which rule should see each. */
public enum LogIncidentKind {
    NEW_EXCEPTION(
            "payments",
            "a never-seen ERROR (connection pool shut down) at 5% of the service's lines, at least"
                    + " one every 2 s",
            List.of("log-novel-template/1")),
    ERROR_BURST(
            "checkout",
            "30% of the service's lines become its usual errors (at least 2/s)",
            List.of("log-error-spike/1", "log-template-frequency/1/burst")),
    SILENT_SERVICE("inventory", "the service stops logging", List.of("log-silent-service/1"));

    private final String defaultService;
    private final String effect;
    private final List<String> detectors;

    LogIncidentKind(String defaultService, String effect, List<String> detectors) {
        this.defaultService = defaultService;
        this.effect = effect;
        this.detectors = detectors;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String defaultService() {
        return defaultService;
    }

    public String effect() {
        return effect;
    }

    /** The logs job's rules expected to report it. */
    public List<String> detectors() {
        return detectors;
    }

    public static LogIncidentKind fromCliName(String name) {
        for (LogIncidentKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "incident must be one of new-exception, error-burst, silent-service, got '"
                        + name
                        + "'");
    }
}
