package dev.guardian.ops.verify;

import dev.guardian.common.cli.UsageException;
import dev.guardian.ops.verify.metrics.MetricsVerification;
import java.util.List;
import java.util.stream.Collectors;

/** The jobs the failure verification knows how to feed and check; add one per job as it lands. */
public final class VerifiedJobs {

    private VerifiedJobs() {}

    public static List<VerifiedJob> all() {
        return List.of(new MetricsVerification());
    }

    public static VerifiedJob named(String name) {
        return all().stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new UsageException(
                                        "no failure verification for job '"
                                                + name
                                                + "'; jobs: "
                                                + names()));
    }

    public static String names() {
        return all().stream().map(VerifiedJob::name).collect(Collectors.joining(", "));
    }
}
