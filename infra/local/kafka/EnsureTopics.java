import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics listed in a topics file (lines {@code name partitions [config=value ...]},
 * {@code #} comments) that do not exist yet; existing topics are left as they are. Run by
 * infra/local/stack (compiled at install) on the broker's classpath:
 *
 * <pre>java -cp "tools:lib/*" EnsureTopics 127.0.0.1:9092 infra/kafka/topics.txt 60</pre>
 */
public final class EnsureTopics {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<NewTopic> wanted = parse(Path.of(args[1]));
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    System.out.printf(
                            "created %s (%d partitions%s)%n",
                            topic.name(),
                            topic.numPartitions(),
                            topic.configs().isEmpty() ? "" : ", " + topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.printf(
                    "%d topics wanted, %d created, %d already there%n",
                    wanted.size(), missing.size(), wanted.size() - missing.size());
        }
    }

    private static List<NewTopic> parse(Path file) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNumber++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 2) {
                throw new IllegalArgumentException(
                        file + ":" + lineNumber + ": expected 'name partitions [config=value ...]'");
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < fields.length; i++) {
                String[] kv = fields[i].split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNumber + ": expected config=value, got " + fields[i]);
                }
                configs.put(kv[0], kv[1]);
            }
            topics.add(
                    new NewTopic(fields[0], Integer.parseInt(fields[1]), (short) 1).configs(configs));
        }
        return topics;
    }
}
