package dev.guardian.cli.report;

import dev.guardian.common.cli.Args;
import java.nio.file.Path;

/**
 * Where the report reads from: the services of a local stack (defaults: the stack's default ports;
 * the demo passes those of {@code infra/local/stack env}), the local alert receiver, and the folder
 * of the incident reports the generators wrote.
 */
record Endpoints(
        String bootstrap,
        String clickhouse,
        String elasticsearch,
        String influxdb,
        String flink,
        String receiver,
        Path incidents) {

    static Endpoints from(Args args) {
        return new Endpoints(
                args.string("bootstrap", "127.0.0.1:9092"),
                trim(args.string("clickhouse", "http://127.0.0.1:8123")),
                trim(args.string("elasticsearch", "http://127.0.0.1:9200")),
                trim(args.string("influxdb", "http://127.0.0.1:8086")),
                trim(args.string("flink", "http://127.0.0.1:8081")),
                trim(args.string("receiver", "http://127.0.0.1:9099")),
                Path.of(args.string("incidents", ".local/demo")));
    }

    /** The incident report a generator wrote for a stream, e.g. {@code logs-incident.json}. */
    Path incident(String stream) {
        return incidents.resolve(stream + "-incident.json");
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
