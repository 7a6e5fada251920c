package dev.guardian.ops.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a local stack's services answer, as {@code infra/local/stack env} prints them, so the ports
 * stay defined once, in {@code stack.env}.
 */
public record Endpoints(
        String kafkaBootstrap,
        String flinkUrl,
        String clickhouseUrl,
        String influxdbUrl,
        String elasticsearchUrl) {

    /** Parses {@code stack env}'s {@code VAR=value} lines. */
    public static Endpoints parse(String stackEnvOutput) {
        Map<String, String> vars = new LinkedHashMap<>();
        stackEnvOutput
                .lines()
                .map(String::strip)
                .filter(l -> l.matches("[A-Z_]+=.*"))
                .forEach(
                        l ->
                                vars.put(
                                        l.substring(0, l.indexOf('=')),
                                        l.substring(l.indexOf('=') + 1)));
        return new Endpoints(
                require(vars, "KAFKA_BOOTSTRAP_SERVERS"),
                require(vars, "FLINK_REST_URL"),
                require(vars, "CLICKHOUSE_URL"),
                require(vars, "INFLUXDB_URL"),
                require(vars, "ELASTICSEARCH_URL"));
    }

    private static String require(Map<String, String> vars, String name) {
        String value = vars.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack env did not print " + name);
        }
        return value;
    }
}
