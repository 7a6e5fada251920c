package dev.guardian.cli.deploy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options shared by submit and upgrade. */
final class DeployOptions {

    static final String DEFAULT_CLUSTER = "http://127.0.0.1:8081";

    private DeployOptions() {}

    static FlinkRestClient cluster(Args args) {
        return new FlinkRestClient(
                args.string("cluster")
                        .orElse(
                                System.getenv()
                                        .getOrDefault("GUARDIAN_FLINK_URL", DEFAULT_CLUSTER)));
    }

    /** The shaded job jar: --jar, else the one this launcher runs from. */
    static Path jar(Args args) {
        Path jar =
                args.string("jar")
                        .map(Path::of)
                        .orElseGet(
                                () -> {
                                    try {
                                        return Path.of(
                                                GuardianJob.class
                                                        .getProtectionDomain()
                                                        .getCodeSource()
                                                        .getLocation()
                                                        .toURI());
                                    } catch (Exception e) {
                                        throw new UsageException(
                                                "cannot locate the job jar; pass --jar");
                                    }
                                });
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            throw new UsageException(
                    "job jar not found: " + jar + " (build it with ./guardian build)");
        }
        return jar;
    }

    /** Job settings: every {@code --set key=value} and {@code --config FILE}, in order. */
    static List<String> jobArgs(Args args) {
        List<String> jobArgs = new ArrayList<>();
        for (String setting : args.strings("set")) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set needs key=value, got '" + setting + "'");
            }
            jobArgs.add("--" + setting.substring(0, eq));
            jobArgs.add(setting.substring(eq + 1));
        }
        args.string("config")
                .ifPresent(
                        file -> {
                            if (!Files.isRegularFile(Path.of(file))) {
                                throw new UsageException("--config: no such file: " + file);
                            }
                            jobArgs.add("--config");
                            jobArgs.add(Path.of(file).toAbsolutePath().toString());
                        });
        return jobArgs;
    }
}
