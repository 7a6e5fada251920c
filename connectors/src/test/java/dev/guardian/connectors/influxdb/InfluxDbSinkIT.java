package dev.guardian.connectors.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.retry.BatchDelivery;
import dev.guardian.connectors.retry.DeliveryException;
import dev.guardian.connectors.retry.RetryPolicy;
import dev.guardian.connectors.retry.Sleeper;
import dev.guardian.connectors.testing.LocalServices;
import dev.guardian.connectors.testing.Reading;
import dev.guardian.connectors.testing.ReadingConverters;
import dev.guardian.connectors.testing.ReadingJobs;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InfluxDB sink against the local InfluxDB 1.x, each test in its own database. */
class InfluxDbSinkIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String database = LocalServices.randomName("it_connectors");
    private final String measurement = LocalServices.randomName("readings");

    @BeforeEach
    void createDatabase() throws Exception {
        LocalServices.requireUp("InfluxDB", LocalServices.influxDbUrl());
        query("CREATE DATABASE \"" + database + "\"");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        query("DROP DATABASE \"" + database + "\"");
    }

    @Test
    void aJobRunTwiceOverTheSameInputCountsEachPointOnce() throws Exception {
        InfluxDbSink<Reading> sink =
                InfluxDbSink.<Reading>builder()
                        .setUrlAndDatabase(LocalServices.influxDbUrl(), database)
                        .setConverter(new ReadingConverters.Point(measurement))
                        .setMaxBatchSize(50)
                        .setFlushInterval(Duration.ofMillis(100))
                        .build();

        ReadingJobs.run(sink, 300, 600);
        assertThat(count()).isEqualTo(300);
        ReadingJobs.run(sink, 300, 600);

        assertThat(count()).isEqualTo(300);
        JsonNode one = query("SELECT value FROM \"" + measurement + "\" WHERE id = 8");
        assertThat(one.at("/results/0/series/0/values/0/1").asDouble()).isEqualTo(4.0);
    }

    @Test
    void specialCharactersSurviveTheLineProtocol() throws Exception {
        String nasty = "a b,c=d\"e\\f\ng";
        InfluxPoint point =
                InfluxPoint.measurement(measurement + " x,y")
                        .tag("t,a g", nasty)
                        .field("f=1", nasty)
                        .field("value", 1.0)
                        .time(Instant.parse("2026-01-05T10:00:00Z"))
                        .build();

        delivery(LocalServices.influxDbUrl(), database, SinkMetrics.unregistered())
                .deliver(List.of(LineProtocol.format(point)));

        JsonNode result = query("SELECT * FROM \"" + measurement + " x,y\"");
        JsonNode columns = result.at("/results/0/series/0/columns");
        JsonNode values = result.at("/results/0/series/0/values/0");
        assertThat(columns.toString()).contains("\"f=1\"", "\"t,a g\"");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).asText().equals("f=1")) {
                assertThat(values.get(i).asText()).isEqualTo("a b,c=d\"e\\f\\ng");
            }
            if (columns.get(i).asText().equals("t,a g")) {
                assertThat(values.get(i).asText()).isEqualTo("a b,c=d\"e\\f\\ng");
            }
        }
    }

    @Test
    void aRefusedConnectionFailsClearlyAfterBoundedRetries() {
        SinkMetrics metrics = SinkMetrics.unregistered();
        long start = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                delivery(LocalServices.refusedUrl(), database, metrics)
                                        .deliver(List.of("m value=1 1")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("InfluxDB")
                .hasMessageContaining("after 3 attempts");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(metrics.retries()).isEqualTo(2);
    }

    @Test
    void aMissingDatabaseIsNotRetried() {
        SinkMetrics metrics = SinkMetrics.unregistered();

        assertThatThrownBy(
                        () ->
                                delivery(
                                                LocalServices.influxDbUrl(),
                                                database + "_missing",
                                                metrics)
                                        .deliver(List.of("m value=1 1")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("not retryable")
                .hasMessageContaining("database not found");
        assertThat(metrics.retries()).isZero();
    }

    private static BatchDelivery<String> delivery(String url, String db, SinkMetrics metrics) {
        InfluxDbConnection connection =
                InfluxDbConnection.of(url, db)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new BatchDelivery<>(
                new InfluxDbWriter(connection),
                RetryPolicy.of(2, Duration.ofMillis(100), Duration.ofMillis(200)),
                metrics,
                Sleeper.SYSTEM);
    }

    private long count() throws Exception {
        JsonNode result = query("SELECT count(value) FROM \"" + measurement + "\"");
        return result.at("/results/0/series/0/values/0/1").asLong();
    }

    private JsonNode query(String q) throws Exception {
        String form =
                "db="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8)
                        + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8);
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(LocalServices.influxDbUrl() + "/query"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
