package dev.guardian.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.ops.stack.LocalStack;
import dev.guardian.ops.stack.Service;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every failure scenario for every verified job, at a size that fits the test run ({@code
 * -Dguardian.verify.events}, default 10,000 events sent over 20 s; 15 s outages; 5,000 bad + 2,500
 * good records for the fuzz run). The full-size runs are {@code ./guardian verify failures}.
 *
 * <p>The scenarios stop and kill services, so they run on their own second stack ({@code
 * .local-ops/}, ports + 10000): started here when it is not running and stopped again afterwards.
 * The shared stack that other integration tests use is never touched. Needs the shaded job jar
 * ({@code ./mvnw install} builds it before the integration tests run); without it, or with {@code
 * -Dguardian.verify.skip=true}, the tests are skipped.
 */
class FailureScenariosIT {

    static Path root;
    static LocalStack stack;
    static boolean startedHere;
    static Path jarCopy;
    static JobJar jobJar;
    static ScenarioRunner runner;

    @BeforeAll
    static void startStack() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("guardian.verify.skip"), "-Dguardian.verify.skip=true");
        root = LocalStack.findRoot(Path.of(""));
        Path jar = root.resolve("jobs/cli/target/guardian-jobs.jar");
        Assumptions.assumeTrue(
                Files.isRegularFile(jar),
                "no job jar at " + jar + ": build it first (./mvnw install)");
        stack = LocalStack.ops(root);
        if (!stack.isUp()) {
            System.out.println("starting the failure-test stack in " + stack.localDir());
            stack.up();
            startedHere = true;
        }
        jarCopy = JobJar.stableCopy(jar);
        jobJar = new JobJar(jarCopy);
        long seed = Long.getLong("guardian.verify.seed", System.nanoTime());
        System.out.println("failure scenarios: seed " + seed);
        ScenarioRunner.Settings settings =
                new ScenarioRunner.Settings(
                        Long.getLong("guardian.verify.events", 10_000),
                        500,
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(4),
                        5_000,
                        2_500,
                        seed,
                        false);
        runner = new ScenarioRunner(stack, jobJar, settings, System.out);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (runner != null) {
            runner.close();
        }
        if (jobJar != null) {
            jobJar.close();
        }
        if (jarCopy != null) {
            Files.deleteIfExists(jarCopy);
        }
        if (startedHere) {
            stack.down();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJobSurvivesEveryScenario() {
        List<DynamicTest> tests = new ArrayList<>();
        for (VerifiedJob job : VerifiedJobs.all()) {
            Set<Service> sinks = JobJar.sinks(jobJar.options(job.entryClass()));
            for (Scenario scenario : Scenario.values()) {
                if (!scenario.appliesTo(sinks)) {
                    continue;
                }
                tests.add(
                        DynamicTest.dynamicTest(
                                job.name() + " " + scenario.cliName(),
                                () -> {
                                    ScenarioResult result = runner.run(job, scenario);
                                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                                    ResultTable.printScenario(
                                            result,
                                            new PrintStream(text, true, StandardCharsets.UTF_8));
                                    assertThat(result.passed())
                                            .as(text.toString(StandardCharsets.UTF_8))
                                            .isTrue();
                                    assertThat(result.sent()).isPositive();
                                }));
            }
        }
        return tests.stream();
    }
}
