package dev.guardian.connectors.testing;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a bounded stream of {@link Reading#nth} through a sink on the test's mini cluster, with
 * checkpointing on and the source paced so that several checkpoints happen during the run.
 */
public final class ReadingJobs {

    private ReadingJobs() {}

    public static void run(Sink<Reading> sink, int count, int perSecond) throws Exception {
        run(sink, count, perSecond, -1);
    }

    /**
     * As {@link #run(Sink, int, int)}, but the job fails once when reading number {@code failAt}
     * passes, after at least one checkpoint completed, and restarts from that checkpoint.
     */
    public static void runFailingOnce(Sink<Reading> sink, int count, int perSecond, long failAt)
            throws Exception {
        run(sink, count, perSecond, failAt);
    }

    private static void run(Sink<Reading> sink, int count, int perSecond, long failAt)
            throws Exception {
        Configuration config = new Configuration();
        if (failAt < 0) {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        } else {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            config.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    java.time.Duration.ofMillis(100));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        DataGeneratorSource<Reading> source =
                new DataGeneratorSource<>(
                        (GeneratorFunction<Long, Reading>) Reading::nth,
                        count,
                        org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy
                                .perSecond(perSecond),
                        TypeInformation.of(Reading.class));
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "readings")
                .uid("readings")
                .map(new FailOnce(failAt))
                .name("fail once")
                .uid("fail-once")
                .sinkTo(sink)
                .name("sink under test")
                .uid("sink-under-test");
        env.execute("connectors IT");
    }
}
