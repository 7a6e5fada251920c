package dev.guardian.connectors.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

/**
 * Endpoints of the local stack (infra/local/stack.env defines the ports; the same environment
 * variables override them here). Integration tests fail, not skip, when a service is down: a test
 * that passes without the thing under test proves nothing.
 */
public final class LocalServices {

    private LocalServices() {}

    public static final String HOST = env("GUARDIAN_BIND_HOST", "127.0.0.1");

    public static String clickHouseUrl() {
        return "http://" + HOST + ":" + env("GUARDIAN_CLICKHOUSE_HTTP_PORT", "8123");
    }

    public static String elasticsearchUrl() {
        return "http://" + HOST + ":" + env("GUARDIAN_ES_HTTP_PORT", "9200");
    }

    public static String influxDbUrl() {
        return "http://" + HOST + ":" + env("GUARDIAN_INFLUXDB_HTTP_PORT", "8086");
    }

    public static String kafkaBootstrap() {
        return HOST + ":" + env("GUARDIAN_KAFKA_PORT", "9092");
    }

    /** A port on this host where nothing listens. */
    public static String refusedUrl() {
        return "http://127.0.0.1:1";
    }

    /** A fresh lower-case name for a table, index, measurement or topic. */
    public static String randomName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Fails with how to start the stack if nothing listens on the service's port. */
    public static void requireUp(String service, String hostPort) {
        String[] parts = hostPort.replaceFirst("^https?://", "").split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    service
                            + " is not reachable at "
                            + hostPort
                            + "; start the local stack (./guardian stack up) or skip the"
                            + " integration tests with -DskipITs",
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
