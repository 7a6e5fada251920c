package dev.guardian.ops.verify;

import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.connectors.influxdb.InfluxDbOptions;
import dev.guardian.ops.http.ClickHouseQueries;
import dev.guardian.ops.http.ElasticsearchQueries;
import dev.guardian.ops.http.InfluxQueries;
import dev.guardian.ops.stack.Endpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Everything one verification run of one job reads and writes, named apart from everything else:
 * Kafka topics {@code verify-<id>.<topic>}, ClickHouse and InfluxDB database {@code verify_<id>}
 * (ClickHouse with every table of {@code infra/clickhouse/*.sql}), Elasticsearch indices {@code
 * verify-<id>-<index>}, consumer group and transactional ids {@code verify-<id>}. The job's
 * settings are derived from its own options, so a job that gains a topic or an index is isolated
 * without changes here.
 */
public final class Isolation {

    private static final Pattern DATABASE_REFERENCE =
            Pattern.compile("(?<=[\\s(,`])guardian\\.(?=[a-z_])");
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("(DATABASE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?)guardian\\b");

    private final String id;
    private final Path root;
    private final Endpoints endpoints;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Integer> topics = new LinkedHashMap<>();
    private final List<String> indices = new ArrayList<>();

    private Isolation(String id, Path root, Endpoints endpoints) {
        this.id = id;
        this.root = root;
        this.endpoints = endpoints;
    }

    /** A fresh run id: 8 lower-case letters and digits. */
    static String newId(Random random) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /**
     * The settings for running a job with {@code options} in isolation against {@code endpoints},
     * its exactly-once outputs becoming visible every {@code checkpointInterval}.
     */
    public static Isolation of(
            List<ConfigOption<?>> options,
            Path root,
            Endpoints endpoints,
            Duration checkpointInterval,
            Random random)
            throws IOException {
        Isolation iso = new Isolation(newId(random), root, endpoints);
        Map<String, Integer> partitions = topicPartitions(root);
        for (ConfigOption<?> option : options) {
            String key = option.key();
            Object def = option.hasDefaultValue() ? option.defaultValue() : null;
            if (key.equals(KafkaOptions.BOOTSTRAP_SERVERS.key())) {
                iso.settings.put(key, endpoints.kafkaBootstrap());
            } else if (key.equals(KafkaOptions.GROUP_ID_PREFIX.key())
                    || key.equals(KafkaOptions.TRANSACTIONAL_ID_PREFIX.key())) {
                iso.settings.put(key, iso.prefix());
            } else if (key.equals(KafkaOptions.STARTING_OFFSETS.key())) {
                iso.settings.put(key, "earliest");
            } else if (key.equals(ClickHouseOptions.URL.key())) {
                iso.settings.put(key, endpoints.clickhouseUrl());
            } else if (key.equals(ClickHouseOptions.DATABASE.key())
                    || key.equals(InfluxDbOptions.DATABASE.key())) {
                iso.settings.put(key, iso.database());
            } else if (key.equals(InfluxDbOptions.URL.key())) {
                iso.settings.put(key, endpoints.influxdbUrl());
            } else if (key.equals(ElasticsearchOptions.HOSTS.key())) {
                iso.settings.put(key, endpoints.elasticsearchUrl());
            } else if (key.endsWith("checkpoint-interval")) {
                iso.settings.put(key, checkpointInterval.toMillis() + " ms");
            } else if (def instanceof String name && key.endsWith("topic")) {
                String topic = iso.topic(name);
                iso.settings.put(key, topic);
                iso.topics.put(topic, partitions.getOrDefault(name, 1));
            } else if (def instanceof String name
                    && (key.contains("index") || key.contains("data-stream"))
                    && !name.isBlank()) {
                String index = iso.index(name);
                iso.settings.put(key, index);
                iso.indices.add(index);
            }
        }
        return iso;
    }

    public String id() {
        return id;
    }

    /** Consumer group and transactional id prefix. */
    public String prefix() {
        return "verify-" + id;
    }

    public String topic(String name) {
        return "verify-" + id + "." + name;
    }

    public String database() {
        return "verify_" + id;
    }

    public String index(String name) {
        return "verify-" + id + "-" + name;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The setting the job runs with under {@code key}, if isolation changed it. */
    public String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalStateException("no isolated setting " + key);
        }
        return value;
    }

    public Map<String, Integer> topics() {
        return topics;
    }

    /** The job's command line: {@code --key value} for every isolated setting, then extras. */
    public List<String> jobArgs(Map<String, String> extra) {
        List<String> args = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extra);
        all.forEach(
                (k, v) -> {
                    args.add("--" + k);
                    args.add(v);
                });
        return args;
    }

    /** Creates the topics, the ClickHouse database with every table, the InfluxDB database. */
    public void provision() throws IOException, InterruptedException {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            topics.forEach((t, p) -> newTopics.add(new NewTopic(t, p, (short) 1)));
            admin.createTopics(newTopics).all().get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not create topics " + topics.keySet() + ": " + e, e);
        }
        ClickHouseQueries clickhouse = new ClickHouseQueries(endpoints.clickhouseUrl());
        for (String statement : clickhouseDdl(root, database())) {
            clickhouse.query(statement);
        }
        new InfluxQueries(endpoints.influxdbUrl())
                .query(null, "CREATE DATABASE \"" + database() + "\"");
    }

    /** Drops what {@link #provision} created and the job wrote; best effort. */
    public void cleanUp() {
        try (Admin admin = admin()) {
            admin.deleteTopics(topics.keySet()).all().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            System.err.println("  clean-up: topics not deleted: " + e.getMessage());
        }
        try {
            new ClickHouseQueries(endpoints.clickhouseUrl())
                    .query("DROP DATABASE IF EXISTS " + database());
        } catch (IOException e) {
            System.err.println("  clean-up: " + e.getMessage());
        }
        try {
            new InfluxQueries(endpoints.influxdbUrl())
                    .query(null, "DROP DATABASE \"" + database() + "\"");
        } catch (IOException e) {
            System.err.println("  clean-up: " + e.getMessage());
        }
        try {
            new ElasticsearchQueries(endpoints.elasticsearchUrl()).delete("verify-" + id + "-*");
        } catch (IOException e) {
            System.err.println("  clean-up: " + e.getMessage());
        }
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    /** Partitions of each topic in {@code infra/kafka/topics.txt}: {@code name partitions ...}. */
    static Map<String, Integer> topicPartitions(Path root) throws IOException {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        Path file = root.resolve("infra/kafka/topics.txt");
        if (!Files.exists(file)) {
            return partitions;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 2 && !parts[0].startsWith("#") && parts[1].matches("\\d+")) {
                partitions.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return partitions;
    }

    /**
     * Every statement of {@code infra/clickhouse/*.sql} in lexical order (as the stack applies
     * them: a statement ends with {@code ;} at a line end), on database {@code database}.
     */
    static List<String> clickhouseDdl(Path root, String database) throws IOException {
        List<String> statements = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(root.resolve("infra/clickhouse"))) {
            files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                current.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    add(statements, current.toString(), database);
                    current.setLength(0);
                }
            }
            add(statements, current.toString(), database);
        }
        return statements;
    }

    private static void add(List<String> statements, String text, String database) {
        String sql = text.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        boolean onlyComments = sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
        if (onlyComments) {
            return;
        }
        sql = DATABASE_REFERENCE.matcher(" " + sql).replaceAll(database + ".").substring(1);
        sql = CREATE_DATABASE.matcher(sql).replaceAll("$1" + database);
        statements.add(sql);
    }
}
