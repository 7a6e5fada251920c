package dev.guardian.logs.bench;

import dev.guardian.logs.traffic.LogEventEncoding;
import dev.guardian.logs.traffic.LogIncident;
import dev.guardian.logs.traffic.LogIncidentKind;
import dev.guardian.logs.traffic.LogTraffic;
import dev.guardian.schemas.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a fresh one-partition topic with generated shop logs ending now (an error burst in checkout
 * in the last fifth), so every measured job reads the same bytes and the measurement excludes the
 * producer.
 */
final class BenchLogsInput {

    record Filled(long bytes, Duration span) {}

    private BenchLogsInput() {}

    static Filled fill(String bootstrap, String topic, long events, double rate, String encoding)
            throws Exception {
        createTopics(bootstrap, topic);
        LogEventEncoding wire = LogEventEncoding.fromCliName(encoding);
        long spanMillis = (long) (events * 1000.0 / rate);
        long start = System.currentTimeMillis() - spanMillis;
        LogIncident burst =
                new LogIncident(
                        LogIncidentKind.ERROR_BURST,
                        "checkout",
                        start + spanMillis * 8 / 10,
                        start + spanMillis * 9 / 10);
        LogTraffic traffic = new LogTraffic(start, rate, 7, Optional.of(burst));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                LogEvent line = traffic.next();
                byte[] value = wire.encode(line);
                bytes += value.length;
                producer.send(
                        new ProducerRecord<>(
                                topic, line.getHost().getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
        return new Filled(bytes, Duration.ofMillis(spanMillis));
    }

    static void createTopics(String bootstrap, String... topics) throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        List<NewTopic> create = new ArrayList<>();
        for (String t : topics) {
            create.add(new NewTopic(t, 1, (short) 1));
        }
        try (Admin client = Admin.create(admin)) {
            client.createTopics(create).all().get(30, TimeUnit.SECONDS);
        }
    }
}
