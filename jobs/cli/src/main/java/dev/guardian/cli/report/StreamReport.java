package dev.guardian.cli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The part of {@code guardian report} about one stream: its inputs, outputs and incident. */
interface StreamReport {

    /** Where the incident checks print while the demo only waits for them. */
    PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The stream's name as {@code --require} takes it: metrics, logs, security, billing, alerts.
     */
    String stream();

    /**
     * The outputs that show the stream worked: cheap counts, asked again and again while the demo
     * waits. {@code topics} holds the records per Kafka topic.
     */
    List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException;

    /**
     * Whether the incident injected into this stream by the demo (its generator's report in the
     * incidents folder) has been found; true when there is none. The demo waits for it, so results
     * of an earlier run in the same stores cannot end the wait early.
     */
    boolean incidentFound() throws IOException, InterruptedException;

    /** Prints what the stream took in and produced, and whether its injected incident was found. */
    void print(Map<String, Long> topics, PrintStream out) throws IOException, InterruptedException;
}
