package dev.guardian.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.deadletter.RejectedRecord;
import dev.guardian.connectors.retry.BatchDelivery;
import dev.guardian.connectors.retry.DeliveryException;
import dev.guardian.connectors.retry.RetryPolicy;
import dev.guardian.connectors.retry.Sleeper;
import dev.guardian.connectors.testing.KafkaTopics;
import dev.guardian.connectors.testing.LocalServices;
import dev.guardian.connectors.testing.Reading;
import dev.guardian.connectors.testing.ReadingConverters;
import dev.guardian.connectors.testing.ReadingJobs;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Elasticsearch sink against the local Elasticsearch, each test with its own index. */
class ElasticsearchSinkIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String MAPPINGS =
            "{\"properties\":{\"@timestamp\":{\"type\":\"date\"},"
                    + "\"series\":{\"type\":\"keyword\"},\"value\":{\"type\":\"double\"}}}";

    private final String index = LocalServices.randomName("it-connectors").replace('_', '-');
    private final String dataStream = "it-ds-" + index;
    private final List<String> topics = new ArrayList<>();
    private boolean dataStreamCreated;
    private ElasticsearchClient admin;

    @BeforeEach
    void createIndexAndTemplate() throws Exception {
        LocalServices.requireUp("Elasticsearch", LocalServices.elasticsearchUrl());
        admin = ElasticsearchConnection.of(LocalServices.elasticsearchUrl()).open();
        admin.indices()
                .create(
                        c ->
                                c.index(index)
                                        .withJson(
                                                new StringReader(
                                                        "{\"mappings\":" + MAPPINGS + "}")));
        admin.indices()
                .putIndexTemplate(
                        t ->
                                t.name(dataStream)
                                        .withJson(
                                                new StringReader(
                                                        "{\"index_patterns\":[\""
                                                                + dataStream
                                                                + "\"],\"data_stream\":{},"
                                                                + "\"priority\":500,"
                                                                + "\"template\":{\"mappings\":"
                                                                + MAPPINGS
                                                                + "}}")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (admin != null) {
            admin.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            try {
                admin.indices().deleteDataStream(d -> d.name(dataStream));
                admin.indices().deleteIndexTemplate(d -> d.name(dataStream));
            } catch (Exception e) {
                // a local Elasticsearch without the _data_stream API (older infra/local builds)
                // cannot delete the stream, nor then its template; both names are random
                if (!dataStreamCreated) {
                    admin.indices().deleteIndexTemplate(d -> d.name(dataStream));
                }
            }
            admin._transport().close();
        }
        topics.forEach(KafkaTopics::delete);
    }

    @Test
    void indexByIdRunTwiceOverTheSameInputCountsEachDocumentOnce() throws Exception {
        ElasticsearchSink<Reading> sink = sink(new ReadingConverters.Document(index, false));

        ReadingJobs.run(sink, 300, 600);
        assertThat(count(index)).isEqualTo(300);
        ReadingJobs.run(sink, 300, 600);

        assertThat(count(index)).isEqualTo(300);
    }

    @Test
    void createIntoADataStreamTakesTheConflictOfAReplayAsWritten() throws Exception {
        ElasticsearchSink<Reading> sink = sink(new ReadingConverters.Document(dataStream, true));
        dataStreamCreated = true;

        ReadingJobs.run(sink, 200, 600);
        assertThat(count(dataStream)).isEqualTo(200);
        // every create of the second run answers 409: success, not failure
        ReadingJobs.run(sink, 200, 600);

        assertThat(count(dataStream)).isEqualTo(200);
    }

    @Test
    void aDocumentTheMappingRefusesIsDeadLetteredAndTheRestWritten() throws Exception {
        LocalServices.requireUp("Kafka", LocalServices.kafkaBootstrap());
        String topic = LocalServices.randomName("it.es").replace('_', '-') + ".dlq";
        topics.add(topic);
        KafkaTopics.create(topic);
        SinkMetrics metrics = SinkMetrics.unregistered();
        DeadLetterPublisher<RejectedRecord> publisher =
                DeadLetterPublisher.avro(
                                LocalServices.kafkaBootstrap(), topic, "it-job", "elasticsearch")
                        .open();

        delivery(LocalServices.elasticsearchUrl(), publisher, metrics)
                .deliver(
                        List.of(
                                ElasticsearchDocument.index(index, "good", Map.of("value", 1.5)),
                                ElasticsearchDocument.index(
                                        index, "bad", Map.of("value", "not a number"))));

        assertThat(count(index)).isEqualTo(1);
        assertThat(metrics.deadLettered()).isEqualTo(1);
        assertThat(metrics.retries()).isZero();
        List<ConsumerRecord<byte[], byte[]>> letters =
                KafkaTopics.readAll(topic, 1, Duration.ofSeconds(20));
        assertThat(letters).hasSize(1);
        DeadLetter letter = RecordCodec.of(DeadLetter.class).decode(letters.get(0).value());
        assertThat(letter.getErrorClass()).isEqualTo("elasticsearch.document_parsing_exception");
        assertThat(letter.getErrorMessage()).contains(index + "/bad", "400");
        assertThat(letter.getJob()).isEqualTo("it-job");
        assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalBytes()).toString())
                .isEqualTo("{\"value\":\"not a number\"}");
    }

    @Test
    void withoutADeadLetterPathARefusedDocumentFailsInsteadOfVanishing() {
        SinkMetrics metrics = SinkMetrics.unregistered();

        assertThatThrownBy(
                        () ->
                                delivery(LocalServices.elasticsearchUrl(), null, metrics)
                                        .deliver(
                                                List.of(
                                                        ElasticsearchDocument.index(
                                                                index,
                                                                "bad",
                                                                Map.of("value", "x")))))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("no dead-letter publisher")
                .hasMessageContaining(index + "/bad");
    }

    @Test
    void aRefusedConnectionFailsClearlyAfterBoundedRetries() {
        SinkMetrics metrics = SinkMetrics.unregistered();
        long start = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                delivery(LocalServices.refusedUrl(), null, metrics)
                                        .deliver(
                                                List.of(
                                                        ElasticsearchDocument.index(
                                                                index, "1", Map.of("value", 1)))))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("Elasticsearch")
                .hasMessageContaining("after 3 attempts");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(metrics.retries()).isEqualTo(2);
    }

    private static ElasticsearchSink<Reading> sink(ReadingConverters.Document converter) {
        return ElasticsearchSink.<Reading>builder()
                .setHosts(LocalServices.elasticsearchUrl())
                .setConverter(converter)
                .setMaxBatchSize(50)
                .setFlushInterval(Duration.ofMillis(100))
                .build();
    }

    private static BatchDelivery<ElasticsearchDocument> delivery(
            String url, DeadLetterPublisher<RejectedRecord> publisher, SinkMetrics metrics) {
        ElasticsearchConnection connection =
                ElasticsearchConnection.of(url)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new BatchDelivery<>(
                new ElasticsearchBulkSender(connection, publisher, metrics),
                RetryPolicy.of(2, Duration.ofMillis(100), Duration.ofMillis(200)),
                metrics,
                Sleeper.SYSTEM);
    }

    private long count(String target) throws Exception {
        admin.indices().refresh(r -> r.index(target));
        return admin.count(c -> c.index(target)).count();
    }
}
