package dev.guardian.cli.report;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The part of {@code guardian report} about one stream: its inputs, outputs and incident. */
interface StreamReport {

    /**
     * The stream's name as {@code --require} takes it: metrics, logs, security, billing, alerts.
     */
    String stream();

    /**
     * The outputs that show the stream worked: cheap counts, asked again and again while the demo
     * waits. {@code topics} holds the records per Kafka topic.
     */
    List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException;

    /** Prints what the stream took in and produced, and whether its injected incident was found. */
    void print(Map<String, Long> topics, PrintStream out) throws IOException, InterruptedException;
}
