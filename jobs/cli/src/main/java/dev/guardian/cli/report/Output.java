package dev.guardian.cli.report;

/**
 * One output that shows a stream worked, e.g. "logs: log anomalies in ClickHouse = 3". The demo
 * waits for, and {@code --require} insists on, every output of a stream being non-zero.
 */
record Output(String stream, String what, long count) {

    boolean present() {
        return count > 0;
    }
}
