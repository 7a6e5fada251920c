package dev.guardian.connectors.elasticsearch;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Options of the Elasticsearch sink, under {@code elasticsearch.}; batching and retries are the
 * shared {@link dev.guardian.connectors.common.SinkOptions} under the same prefix.
 */
public final class ElasticsearchOptions {

    public static final String PREFIX = "elasticsearch.";

    public static final ConfigOption<List<String>> HOSTS =
            ConfigOptions.key("elasticsearch.hosts")
                    .stringType()
                    .asList()
                    .defaultValues("http://127.0.0.1:9200")
                    .withDescription(
                            "Elasticsearch nodes, e.g. http://host:9200;http://host2:9200.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("elasticsearch.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User for basic authentication; none when unset.");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("elasticsearch.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Password; from the environment or a secrets file. Never logged.");

    public static final ConfigOption<String> API_KEY =
            ConfigOptions.key("elasticsearch.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Encoded API key (instead of user and password).");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("elasticsearch.dead-letter-topic")
                    .stringType()
                    .defaultValue("guardian.elasticsearch.dlq")
                    .withDescription(
                            "Kafka topic for documents Elasticsearch refuses for good (mapping"
                                    + " errors); without a dead-letter publisher such a document"
                                    + " fails the job instead of being dropped.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("elasticsearch.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("Longest wait for one bulk request.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key("elasticsearch.connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Longest wait for a TCP connection.");

    private ElasticsearchOptions() {}
}
