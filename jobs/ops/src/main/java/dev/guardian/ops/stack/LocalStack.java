package dev.guardian.ops.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the local stack ({@code infra/local/stack}), driven through the script with its
 * environment overrides, so the ports and folders stay defined once, in {@code stack.env}.
 *
 * <p>{@link #ops(Path)} is the second instance that failure tests may break at will: its own folder
 * ({@code .local-ops/}) and ports (the shared ones + 10000), so the shared stack that other tests
 * use is never touched.
 */
public final class LocalStack {

    /** The second stack's overrides; every one can itself be overridden from the environment. */
    static final Map<String, String> OPS_DEFAULTS = opsDefaults();

    private final Path root;
    private final Map<String, String> env;
    private Endpoints endpoints;

    private LocalStack(Path root, Map<String, String> env) {
        this.root = root;
        this.env = Map.copyOf(env);
    }

    private static Map<String, String> opsDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("GUARDIAN_KAFKA_PORT", "19092");
        d.put("GUARDIAN_KAFKA_CONTROLLER_PORT", "19093");
        d.put("GUARDIAN_FLINK_REST_PORT", "18081");
        d.put("GUARDIAN_FLINK_RPC_PORT", "16123");
        d.put("GUARDIAN_FLINK_BLOB_PORT", "16124");
        d.put("GUARDIAN_ES_HTTP_PORT", "19200");
        d.put("GUARDIAN_ES_TRANSPORT_PORT", "19300");
        d.put("GUARDIAN_CLICKHOUSE_HTTP_PORT", "18123");
        d.put("GUARDIAN_INFLUXDB_HTTP_PORT", "18086");
        d.put("GUARDIAN_INFLUXDB_RPC_PORT", "18088");
        return d;
    }

    /** The stack other tests share ({@code .local/}, default ports): only ever read from. */
    public static LocalStack shared(Path root) {
        return new LocalStack(root, Map.of());
    }

    /**
     * The failure tests' own stack: {@code .local-ops/} and ports + 10000, each overridable by
     * {@code GUARDIAN_OPS_<VAR>} (e.g. {@code GUARDIAN_OPS_KAFKA_PORT}).
     */
    public static LocalStack ops(Path root) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "GUARDIAN_LOCAL_DIR",
                System.getenv()
                        .getOrDefault(
                                "GUARDIAN_OPS_LOCAL_DIR",
                                root.resolve(".local-ops").toAbsolutePath().toString()));
        OPS_DEFAULTS.forEach(
                (k, v) ->
                        env.put(
                                k,
                                System.getenv()
                                        .getOrDefault(k.replace("GUARDIAN_", "GUARDIAN_OPS_"), v)));
        return new LocalStack(root, env);
    }

    /** The project root: the nearest folder upwards holding {@code infra/local/stack}. */
    public static Path findRoot(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("infra/local/stack"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no infra/local/stack above " + from.toAbsolutePath() + ": run from the project");
    }

    /** The services' addresses, from {@code stack env}. */
    public synchronized Endpoints endpoints() throws IOException {
        if (endpoints == null) {
            Outcome outcome = run(Duration.ofMinutes(1), "env");
            check(outcome, "env");
            endpoints = Endpoints.parse(outcome.output);
        }
        return endpoints;
    }

    public Path root() {
        return root;
    }

    /** The folder the stack keeps its data, logs and pid files in. */
    public Path localDir() {
        return Path.of(env.getOrDefault("GUARDIAN_LOCAL_DIR", root.resolve(".local").toString()));
    }

    /** True when every service answers ({@code stack status} exits 0). */
    public boolean isUp() {
        try {
            return run(Duration.ofMinutes(1), "status").exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public void up() throws IOException {
        check(run(Duration.ofMinutes(15), "up"), "up");
    }

    public void down() throws IOException {
        check(run(Duration.ofMinutes(5), "down"), "down");
    }

    /** Graceful stop (TERM, then KILL after 30 s), as an operator would. */
    public void stop(Service service) throws IOException {
        check(run(Duration.ofMinutes(2), "stop", service.stackName()), "stop " + service);
    }

    public void start(Service service) throws IOException {
        check(run(Duration.ofMinutes(5), "start", service.stackName()), "start " + service);
    }

    /** The pid of a running service from its pid file, if any. */
    public Optional<Long> pid(Service service) {
        Path file = localDir().resolve("run").resolve(service.stackName() + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Kills a service with SIGKILL, as a crashed machine would: no shutdown hooks, no goodbye to
     * the JobManager. Waits until the process is gone.
     */
    public void kill(Service service) throws IOException, InterruptedException {
        long pid =
                pid(service)
                        .orElseThrow(
                                () -> new IOException(service.stackName() + " is not running"));
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -9 " + pid + " failed");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("pid " + pid + " still alive after kill -9");
            }
            Thread.sleep(100);
        }
    }

    record Outcome(int exitCode, String output) {}

    private Outcome run(Duration timeout, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("infra/local/stack").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("guardian-stack-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        "stack " + String.join(" ", args) + " did not finish in " + timeout);
            }
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void check(Outcome outcome, String what) throws IOException {
        if (outcome.exitCode != 0) {
            throw new IOException(
                    "stack "
                            + what
                            + " failed (exit "
                            + outcome.exitCode
                            + "):\n"
                            + outcome.output.strip());
        }
    }
}
