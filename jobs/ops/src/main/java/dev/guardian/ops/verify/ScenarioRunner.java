package dev.guardian.ops.verify;

import dev.guardian.ops.http.FlinkRest;
import dev.guardian.ops.stack.LocalStack;
import dev.guardian.ops.stack.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one job through one scenario on a local stack that may be broken at will: starts the job in
 * isolation, sends the traffic at a steady pace, injects the fault at a random moment, waits until
 * the outputs are complete (or a deadline passes), then counts them against the traffic.
 */
public final class ScenarioRunner {

    /** How a run is sized and paced. */
    public record Settings(
            long events,
            double eventsPerSecond,
            Duration outage,
            Duration checkpointInterval,
            Duration completionTimeout,
            long fuzzBad,
            long fuzzGood,
            long seed,
            boolean keepData) {}

    /** Event time a run spans at least; its end stays well within the jobs' future skew. */
    static final Duration MIN_EVENT_TIME_SPAN = Duration.ofMinutes(4);

    static final int RUNS_PER_JOBMANAGER = 4;

    private final LocalStack stack;
    private final FlinkRest flink;
    private final JobJar jobJar;
    private final Settings settings;
    private final PrintStream out;
    private final Random random;
    private String jarId;
    private int runsSinceRestart;

    public ScenarioRunner(LocalStack stack, JobJar jobJar, Settings settings, PrintStream out)
            throws IOException {
        this.stack = stack;
        this.flink = new FlinkRest(stack.endpoints().flinkUrl());
        this.jobJar = jobJar;
        this.settings = settings;
        this.out = out;
        this.random = new Random(settings.seed());
    }

    public ScenarioResult run(VerifiedJob job, Scenario scenario)
            throws IOException, InterruptedException {
        out.printf("%n== %s: %s%n", job.name(), scenario.description());
        freshJobManager();
        if (jarId == null) {
            jarId = flink.uploadJar(jobJar.path());
        }
        Isolation iso =
                Isolation.of(
                        jobJar.options(job.entryClass()),
                        stack.root(),
                        stack.endpoints(),
                        settings.checkpointInterval(),
                        random);
        iso.provision();
        String jobId = flink.runJar(jarId, job.entryClass(), iso.jobArgs(Map.of()));
        out.printf("  job %s, run id %s%n", jobId, iso.id());
        try {
            waitUntil(() -> flink.fullyRunning(jobId), Duration.ofMinutes(3), "job running");
            return drive(job, scenario, iso, jobId);
        } finally {
            try {
                flink.cancel(jobId);
                waitUntil(
                        () ->
                                List.of("CANCELED", "FAILED", "FINISHED")
                                        .contains(flink.state(jobId)),
                        Duration.ofMinutes(1),
                        "job cancelled");
            } catch (IOException | IllegalStateException e) {
                out.println("  could not cancel " + jobId + ": " + e);
            }
            if (!settings.keepData()) {
                iso.cleanUp();
            }
        }
    }

    private ScenarioResult drive(VerifiedJob job, Scenario scenario, Isolation iso, String jobId)
            throws IOException, InterruptedException {
        long startMillis = System.currentTimeMillis();
        Traffic traffic =
                scenario == Scenario.FUZZ
                        ? job.fuzz(
                                settings.fuzzBad(),
                                settings.fuzzGood(),
                                eventTimeRate(settings.fuzzBad() + settings.fuzzGood()),
                                settings.seed(),
                                startMillis)
                        : job.traffic(
                                settings.events(),
                                eventTimeRate(settings.events()),
                                settings.seed(),
                                startMillis);
        String input = iso.setting(job.inputTopicKey());
        long faultIndex =
                scenario == Scenario.FUZZ
                        ? -1
                        : (long) (traffic.size() * (0.25 + 0.35 * random.nextDouble()));
        List<String> problems = new ArrayList<>();
        AtomicLong faultStart = new AtomicLong();
        AtomicLong faultEnd = new AtomicLong();
        AtomicReference<Exception> faultFailure = new AtomicReference<>();
        Thread faultThread = null;
        long sendStart;
        long sendEnd;
        long sent;
        try (JobWatch watch = new JobWatch(flink, jobId);
                TrafficProducer producer =
                        new TrafficProducer(iso.endpoints().kafkaBootstrap(), input)) {
            Thread[] fault = new Thread[1];
            sendStart = System.currentTimeMillis();
            producer.send(
                    traffic,
                    settings.eventsPerSecond(),
                    k -> {
                        if (k == faultIndex) {
                            fault[0] = inject(scenario, watch, faultStart, faultEnd, faultFailure);
                        }
                    });
            producer.flush();
            sendEnd = System.currentTimeMillis();
            faultThread = fault[0];
            if (faultThread != null) {
                faultThread.join();
            }
            traffic.closing(iso.topics().getOrDefault(input, 1)).forEach(producer::send);
            producer.flush();
            sent = producer.acknowledged() - iso.topics().getOrDefault(input, 1);
            if (producer.failure() != null) {
                problems.add("sending failed: " + producer.failure().getMessage());
            }
            if (faultFailure.get() != null) {
                problems.add("fault injection failed: " + faultFailure.get().getMessage());
            }
            out.printf(
                    "  sent %,d records in %.1f s%s%n",
                    sent,
                    (sendEnd - sendStart) / 1000.0,
                    faultStart.get() > 0
                            ? String.format(
                                    ", fault at %.1f s lasting %.1f s",
                                    (faultStart.get() - sendStart) / 1000.0,
                                    (faultEnd.get() - faultStart.get()) / 1000.0)
                            : "");

            OutputQueries queries = OutputQueries.of(iso);
            List<OutputCount> counts = awaitComplete(traffic, queries);
            long completeAt = System.currentTimeMillis();
            // one more checkpoint: anything written twice late would show now
            Thread.sleep(settings.checkpointInterval().toMillis() * 2);
            counts = new ArrayList<>(traffic.count(queries));
            if (traffic instanceof FuzzTraffic fuzz) {
                counts.addAll(
                        DeadLetterCheck.check(
                                iso.endpoints().kafkaBootstrap(),
                                iso.setting(job.deadLetterTopicKey()),
                                fuzz.rejected(),
                                fuzz.size() - fuzz.mutatedButValid() - settings.fuzzGood(),
                                Duration.ofMinutes(2)));
                out.printf(
                        "  %,d bad records (%,d of them mutations the job accepts as valid)%n",
                        settings.fuzzBad(), fuzz.mutatedButValid());
            }
            long restarts = flink.restarts(jobId);
            if (scenario == Scenario.FUZZ && (restarts > 0 || watch.sawNotRunning())) {
                problems.add("the job restarted " + restarts + " times during the fuzz run");
            }
            String state = flink.state(jobId);
            if (!"RUNNING".equals(state)) {
                problems.add("the job is " + state + " at the end");
            }
            double recovery = Double.NaN;
            if (faultEnd.get() > 0) {
                if (watch.recoveredAt() > 0) {
                    recovery = (watch.recoveredAt() - faultEnd.get()) / 1000.0;
                } else {
                    problems.add("the job did not recover after the fault");
                }
            }
            ScenarioResult result =
                    new ScenarioResult(
                            job.name(),
                            scenario,
                            sent,
                            counts,
                            restarts,
                            faultStart.get() > 0
                                    ? (faultStart.get() - sendStart) / 1000.0
                                    : Double.NaN,
                            faultStart.get() > 0
                                    ? (faultEnd.get() - faultStart.get()) / 1000.0
                                    : Double.NaN,
                            recovery,
                            (completeAt - sendEnd) / 1000.0,
                            problems);
            ResultTable.printScenario(result, out);
            return result;
        } finally {
            if (faultThread != null && faultThread.isAlive()) {
                faultThread.join(Duration.ofMinutes(5).toMillis());
            }
        }
    }

    /**
     * A session JobManager keeps some metaspace of every jar it ran a main method from (a new class
     * loader per submission), and a 60 MB job jar fills the default 256 MB after about ten runs. So
     * the second stack's JobManager is restarted every {@link #RUNS_PER_JOBMANAGER} runs, and
     * whenever it does not answer; the TaskManager registers with the new one by itself.
     */
    private void freshJobManager() throws IOException, InterruptedException {
        boolean answers;
        try {
            flink.taskManagers();
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        if (answers && runsSinceRestart < RUNS_PER_JOBMANAGER) {
            runsSinceRestart++;
            return;
        }
        out.println("  restarting the JobManager of the failure-test stack");
        stack.stop(Service.JOBMANAGER);
        stack.start(Service.JOBMANAGER);
        if (!stack.isUp()) {
            stack.start(Service.TASKMANAGER);
        }
        waitUntil(
                () -> flink.taskManagers() > 0, Duration.ofMinutes(3), "a TaskManager registered");
        jarId = null;
        runsSinceRestart = 1;
    }

    /**
     * Events per second of event time: the send rate, slowed so that the traffic spans at least
     * {@link #MIN_EVENT_TIME_SPAN}. Windows of a minute then close, and sinks behind them write,
     * during the fault and not only at the end, however small the run.
     */
    double eventTimeRate(long events) {
        double sendSeconds = events / settings.eventsPerSecond();
        return events / Math.max(sendSeconds, MIN_EVENT_TIME_SPAN.toSeconds());
    }

    /** Starts the fault on its own thread, so traffic keeps flowing while a service is down. */
    private Thread inject(
            Scenario scenario,
            JobWatch watch,
            AtomicLong faultStart,
            AtomicLong faultEnd,
            AtomicReference<Exception> failure) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                faultStart.set(System.currentTimeMillis());
                                switch (scenario) {
                                    case TASKMANAGER_KILL -> {
                                        stack.kill(Service.TASKMANAGER);
                                        stack.start(Service.TASKMANAGER);
                                    }
                                    case KAFKA_RESTART -> {
                                        stack.stop(Service.KAFKA);
                                        stack.start(Service.KAFKA);
                                    }
                                    default -> {
                                        Service service = scenario.service().orElseThrow();
                                        stack.stop(service);
                                        Thread.sleep(settings.outage().toMillis());
                                        stack.start(service);
                                    }
                                }
                                faultEnd.set(System.currentTimeMillis());
                                watch.faultEnded(faultEnd.get());
                            } catch (Exception e) {
                                failure.set(e);
                                faultEnd.set(System.currentTimeMillis());
                            }
                        },
                        "guardian-verify-fault");
        thread.start();
        return thread;
    }

    /** Polls the outputs until nothing is missing or the completion timeout passes. */
    private List<OutputCount> awaitComplete(Traffic traffic, OutputQueries queries)
            throws InterruptedException {
        long deadline = System.nanoTime() + settings.completionTimeout().toNanos();
        List<OutputCount> counts = List.of();
        while (System.nanoTime() < deadline) {
            try {
                counts = traffic.count(queries);
                if (counts.stream().allMatch(c -> c.lost() == 0)) {
                    return counts;
                }
            } catch (IOException e) {
                // a store still coming back: ask again
            }
            Thread.sleep(2_000);
        }
        out.println("  outputs still incomplete after " + settings.completionTimeout());
        return counts;
    }

    interface Check {
        boolean ok() throws IOException;
    }

    static void waitUntil(Check check, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "timed out after "
                        + timeout
                        + " waiting for "
                        + what
                        + (last == null ? "" : ": " + last.getMessage()));
    }

    public void close() {
        if (jarId != null) {
            try {
                flink.deleteJar(jarId);
            } catch (IOException e) {
                // the cluster may be gone already
            }
        }
    }
}
