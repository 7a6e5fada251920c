package dev.guardian.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.guardian.common.job.JobConfiguration;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in {@code infra/k8s} against the schema of its kind (see {@link
 * KubernetesSchemas}), plus what a schema cannot say: the deployments agree with each other, the
 * Secret keys they reference exist, and a broken manifest fails.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("..", "..", "infra", "k8s").normalize();
    static final String JAR_URI = "local:///opt/flink/usrlib/guardian-jobs.jar";
    static final String SECRET = "guardian-credentials";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static KubernetesSchemas schemas;
    static Map<Path, List<JsonNode>> manifests;

    @BeforeAll
    static void load() throws IOException {
        schemas = new KubernetesSchemas();
        manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    manifests.put(file, readAll(file));
                }
            }
        }
        assertThat(manifests).as("manifests in %s", K8S.toAbsolutePath()).isNotEmpty();
    }

    static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                YAML.readerFor(JsonNode.class)
                        .readValues(new StringReader(Files.readString(file)))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> ofKind(String kind) {
        return manifests.values().stream()
                .flatMap(List::stream)
                .filter(d -> d.path("kind").asText().equals(kind))
                .toList();
    }

    @Test
    void everyManifestMatchesTheSchemaOfItsKind() {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int objects = 0;
        for (Map.Entry<Path, List<JsonNode>> file : manifests.entrySet()) {
            for (JsonNode object : file.getValue()) {
                objects++;
                List<String> errors = schemas.validate(object);
                if (!errors.isEmpty()) {
                    failures.put(
                            file.getKey().getFileName() + " " + object.path("kind").asText(),
                            errors);
                }
            }
        }
        assertThat(failures).as("schema errors").isEmpty();
        assertThat(objects).isGreaterThanOrEqualTo(7);
    }

    @Test
    void thereIsOneDeploymentPerJob() {
        Set<String> names =
                ofKind("FlinkDeployment").stream()
                        .map(d -> d.path("metadata").path("name").asText())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "guardian-alerts",
                        "guardian-billing",
                        "guardian-logs",
                        "guardian-metrics",
                        "guardian-security");
        for (Path file : manifests.keySet()) {
            for (JsonNode d : manifests.get(file)) {
                if (d.path("kind").asText().equals("FlinkDeployment")) {
                    String base = file.getFileName().toString().replace(".yaml", "");
                    assertThat(d.path("metadata").path("name").asText())
                            .isEqualTo("guardian-" + base);
                }
            }
        }
    }

    @Test
    void kustomizationAppliesEveryManifestButTheExamples() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> expected =
                manifests.keySet().stream()
                        .map(p -> p.getFileName().toString())
                        .filter(n -> !n.endsWith(".example.yaml"))
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void deploymentsHaveStateStorageHighAvailabilityAndRestarts() {
        Set<String> transactionalPrefixes = new HashSet<>();
        for (JsonNode d : ofKind("FlinkDeployment")) {
            String name = d.path("metadata").path("name").asText();
            JsonNode conf = d.path("spec").path("flinkConfiguration");
            JsonNode job = d.path("spec").path("job");
            assertThat(job.path("jarURI").asText()).as(name).isEqualTo(JAR_URI);
            assertThat(job.path("entryClass").asText()).as(name).startsWith("dev.guardian.");
            assertThat(conf.path("state.backend.type").asText()).as(name).isEqualTo("rocksdb");
            assertThat(conf.path("high-availability.type").asText())
                    .as(name)
                    .isEqualTo("kubernetes");
            // last-state upgrades need HA metadata; every path is per job so jobs never share
            assertThat(job.path("upgradeMode").asText()).as(name).isEqualTo("last-state");
            for (String key :
                    List.of(
                            "execution.checkpointing.dir",
                            "execution.checkpointing.savepoint-dir",
                            "high-availability.storageDir")) {
                assertThat(conf.path(key).asText()).as(name + " " + key).endsWith("/" + name);
            }
            assertThat(conf.path("restart-strategy.type").asText()).as(name).isNotEmpty();
            assertThat(d.path("spec").path("taskManager").path("resource").path("memory").asText())
                    .as(name)
                    .isNotEmpty();
            String prefix = argument(job, "--guardian.kafka.transactional-id-prefix");
            assertThat(prefix).as(name + " transactional id prefix").isEqualTo(name);
            assertThat(transactionalPrefixes.add(prefix)).isTrue();
        }
    }

    @Test
    void deploymentsShareEverythingButTheJobAndTaskManagerSize() {
        List<JsonNode> deployments = ofKind("FlinkDeployment");
        Map<String, String> reference = flatten(sharedPart(deployments.get(0)));
        for (JsonNode d : deployments) {
            Map<String, String> shared = flatten(sharedPart(d));
            Set<String> differing = new TreeSet<>();
            reference.forEach(
                    (k, v) -> {
                        if (!v.equals(shared.get(k))) {
                            differing.add(k);
                        }
                    });
            shared.keySet().stream().filter(k -> !reference.containsKey(k)).forEach(differing::add);
            assertThat(differing)
                    .as(
                            "settings of %s that differ from %s",
                            d.path("metadata").path("name").asText(),
                            deployments.get(0).path("metadata").path("name").asText())
                    .isEmpty();
        }
    }

    /** JSON paths to scalar values. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(path, node.toString());
        }
    }

    /** The spec without what may differ per job, with the job's own name made generic. */
    static JsonNode sharedPart(JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asText();
        ObjectNode spec = (ObjectNode) deployment.path("spec").deepCopy();
        spec.remove("job");
        spec.remove("taskManager");
        ((ObjectNode) spec.path("jobManager")).remove("podTemplate");
        ((ObjectNode) spec.path("flinkConfiguration")).remove("taskmanager.numberOfTaskSlots");
        return replaceText(spec, name, "<job>");
    }

    static JsonNode replaceText(JsonNode node, String from, String to) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace(from, to));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields()
                    .forEachRemaining(
                            e -> copy.set(e.getKey(), replaceText(e.getValue(), from, to)));
            return copy;
        }
        if (node.isArray()) {
            var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(e -> copy.add(replaceText(e, from, to)));
            return copy;
        }
        return node;
    }

    @Test
    void everySecretKeyADeploymentReadsExistsInTheSecret() {
        JsonNode secret =
                ofKind("Secret").stream()
                        .filter(s -> s.path("metadata").path("name").asText().equals(SECRET))
                        .findFirst()
                        .orElseThrow();
        Set<String> keys = new TreeSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        for (JsonNode d : ofKind("FlinkDeployment")) {
            List<String> referenced = new ArrayList<>();
            visit(
                    d,
                    node -> {
                        if (node.has("secretKeyRef")) {
                            assertThat(node.path("secretKeyRef").path("name").asText())
                                    .isEqualTo(SECRET);
                            referenced.add(node.path("secretKeyRef").path("key").asText());
                        }
                        if (node.has("secret") && node.path("secret").has("secretName")) {
                            assertThat(node.path("secret").path("secretName").asText())
                                    .isEqualTo(SECRET);
                            node.path("secret")
                                    .path("items")
                                    .forEach(i -> referenced.add(i.path("key").asText()));
                        }
                    });
            assertThat(referenced).as(d.path("metadata").path("name").asText()).isNotEmpty();
            assertThat(keys).containsAll(referenced);
        }
    }

    /**
     * A job whose main class is on this module's classpath gets its arguments and its secret
     * settings checked the way the job itself will check them at start.
     */
    @Test
    void jobArgumentsAndSecretSettingsAreValidForTheJob() throws Exception {
        JsonNode secret = ofKind("Secret").get(0);
        int checked = 0;
        for (JsonNode d : ofKind("FlinkDeployment")) {
            String name = d.path("metadata").path("name").asText();
            Collection<ConfigOption<?>> options;
            try {
                Class<?> main =
                        Class.forName(d.path("spec").path("job").path("entryClass").asText());
                Method method = main.getMethod("options");
                @SuppressWarnings("unchecked")
                Collection<ConfigOption<?>> declared =
                        (Collection<ConfigOption<?>>) method.invoke(null);
                options = declared;
            } catch (ClassNotFoundException e) {
                continue; // not a dependency of this module: checked when its job checks itself
            }
            List<String> args = new ArrayList<>();
            d.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
            int config = args.indexOf("--config");
            if (config >= 0) {
                args.remove(config + 1);
                args.remove(config);
            }
            JobConfiguration.fromArgs(args.toArray(String[]::new), options);
            Properties secrets = new Properties();
            secrets.load(
                    new StringReader(
                            secret.path("stringData").path(name + ".properties").asText()));
            List<String> secretArgs = new ArrayList<>();
            secrets.stringPropertyNames()
                    .forEach(
                            k -> {
                                secretArgs.add("--" + k);
                                secretArgs.add(secrets.getProperty(k));
                            });
            JobConfiguration.fromArgs(secretArgs.toArray(String[]::new), options);
            checked++;
        }
        assertThat(checked).as("jobs whose settings could be checked").isGreaterThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------ the check checks itself

    @Test
    void aBrokenDeploymentFails() {
        JsonNode good = ofKind("FlinkDeployment").get(0);
        assertThat(schemas.validate(good)).isEmpty();
        Map<String, Consumer<ObjectNode>> breakages = new LinkedHashMap<>();
        breakages.put(
                "misspelt field",
                d ->
                        ((ObjectNode) d.path("spec"))
                                .set("jobManger", d.path("spec").path("jobManager")));
        breakages.put(
                "number where Flink configuration wants a string",
                d ->
                        ((ObjectNode) d.path("spec").path("flinkConfiguration"))
                                .put("parallelism.default", 4));
        breakages.put(
                "unknown upgrade mode",
                d -> ((ObjectNode) d.path("spec").path("job")).put("upgradeMode", "lastState"));
        breakages.put(
                "unknown Flink version",
                d -> ((ObjectNode) d.path("spec")).put("flinkVersion", "v2_9"));
        breakages.put(
                "bad pod template field",
                d ->
                        ((ObjectNode) d.path("spec").path("podTemplate").path("spec"))
                                .put("restartPolicy", 3));
        breakages.put(
                "unknown metadata field", d -> ((ObjectNode) d.path("metadata")).put("nmae", "x"));
        breakages.put("wrong kind", d -> d.put("kind", "FlinkDeploymnet"));
        breakages.put("no spec", d -> d.remove("spec"));
        for (Map.Entry<String, Consumer<ObjectNode>> breakage : breakages.entrySet()) {
            ObjectNode broken = good.deepCopy();
            breakage.getValue().accept(broken);
            assertThat(schemas.validate(broken)).as(breakage.getKey()).isNotEmpty();
        }
    }

    @Test
    void aBrokenCoreObjectFails() {
        JsonNode secret = ofKind("Secret").get(0);
        assertThat(schemas.validate(secret)).isEmpty();
        ObjectNode numberValue = secret.deepCopy();
        ((ObjectNode) numberValue.path("stringData")).put("aws-access-key-id", 42);
        assertThat(schemas.validate(numberValue)).isNotEmpty();
        ObjectNode unknownField = secret.deepCopy();
        unknownField.put("strigData", "x");
        assertThat(schemas.validate(unknownField)).isNotEmpty();
        ObjectNode noKind = ofKind("Namespace").get(0).deepCopy();
        noKind.remove("kind");
        assertThat(schemas.validate(noKind)).isNotEmpty();
    }

    static void visit(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
            node.forEach(child -> visit(child, visitor));
        } else if (node.isArray()) {
            node.forEach(child -> visit(child, visitor));
        }
    }

    static String argument(JsonNode job, String flag) {
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "";
    }
}
