package dev.guardian.cli.deploy;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * An execution environment that keeps the graph a job's {@code main} builds instead of running it,
 * so a test can inspect the real production topology (Kafka sources, every sink) without a cluster.
 */
final class StreamGraphCapture extends StreamExecutionEnvironment {

    /** A job's {@code main}, or anything else that builds and executes a pipeline. */
    interface Main {
        void run() throws Exception;
    }

    private StreamGraph graph;

    @Override
    public JobExecutionResult execute(StreamGraph streamGraph) {
        this.graph = streamGraph;
        return null;
    }

    /** Runs {@code main} with this environment as the context environment; its graph. */
    static StreamGraph of(Main main) throws Exception {
        StreamGraphCapture env = new StreamGraphCapture();
        initializeContextEnvironment(conf -> env);
        try {
            main.run();
        } finally {
            resetContextEnvironment();
        }
        if (env.graph == null) {
            throw new IllegalStateException("the job's main executed no pipeline");
        }
        return env.graph;
    }
}
