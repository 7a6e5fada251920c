package dev.guardian.ops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas Kubernetes validates Guardian's manifests against, read from published artifacts on
 * the test classpath:
 *
 * <ul>
 *   <li>the Flink Kubernetes Operator's kinds: the {@code openAPIV3Schema} of the CRDs inside
 *       {@code org.apache.flink:flink-kubernetes-operator-api} ({@code META-INF/fabric8/*-v1.yml},
 *       1.10.0: the newest version the Maven mirror serves);
 *   <li>core kinds (Namespace, Secret, ConfigMap) and every object's {@code metadata}: the JSON
 *       Schema of Kubernetes' API in {@code io.fabric8:kubernetes-model} 4.6.4 ({@code
 *       schema/kube-validation-schema.json}, the last release that ships it).
 * </ul>
 *
 * <p>Two adjustments, both to behave as the API server does, not to loosen anything:
 *
 * <ul>
 *   <li><b>Unknown fields are errors.</b> {@code kubectl apply} validates strictly by default
 *       (server-side field validation {@code Strict}), so an object schema that lists its
 *       properties gets {@code additionalProperties: false}, unless it says otherwise or carries
 *       {@code x-kubernetes-preserve-unknown-fields}. fabric8's draft-3 style {@code required:
 *       true} on a property becomes the draft-4 {@code required} list of its object.
 *   <li><b>Flink 2.x versions.</b> Operator 1.10's {@code flinkVersion} enum ends at {@code v1_20};
 *       the operators that run Flink 2.2 (1.13+) add {@code v2_0}, {@code v2_1}, {@code v2_2}, and
 *       only these values are added to the enum.
 * </ul>
 */
final class KubernetesSchemas {

    static final List<String> FLINK_2_VERSIONS = List.of("v2_0", "v2_1", "v2_2");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The CRD file of each Flink operator kind inside the operator API jar. */
    private static final Map<String, String> FLINK_CRDS =
            Map.of(
                    "FlinkDeployment", "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml",
                    "FlinkSessionJob", "META-INF/fabric8/flinksessionjobs.flink.apache.org-v1.yml",
                    "FlinkStateSnapshot",
                            "META-INF/fabric8/flinkstatesnapshots.flink.apache.org-v1.yml");

    /** Core kinds by {@code apiVersion/kind}, and their definition in fabric8's schema. */
    private static final Map<String, String> CORE_KINDS =
            Map.of(
                    "v1/Namespace", "kubernetes_Namespace",
                    "v1/Secret", "kubernetes_Secret",
                    "v1/ConfigMap", "kubernetes_ConfigMap");

    private static final String OBJECT_META = "k8s_io_apimachinery_ObjectMeta";

    private final ObjectNode coreDefinitions;
    private final Map<String, JsonSchema> cache = new HashMap<>();
    private final JsonSchemaFactory factory =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    KubernetesSchemas() {
        JsonNode core = read("schema/kube-validation-schema.json", JSON);
        this.coreDefinitions = (ObjectNode) core.path("definitions").deepCopy();
        coreDefinitions.fields().forEachRemaining(e -> strict(e.getValue()));
    }

    /** Kinds this class has a schema for, as {@code apiVersion/kind}. */
    static boolean knows(String apiVersion, String kind) {
        return CORE_KINDS.containsKey(apiVersion + "/" + kind)
                || (apiVersion.startsWith("flink.apache.org/") && FLINK_CRDS.containsKey(kind));
    }

    /** Errors of one object against the schema of its kind; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (!knows(apiVersion, kind)) {
            return List.of("no schema for apiVersion " + apiVersion + ", kind " + kind);
        }
        JsonSchema schema =
                cache.computeIfAbsent(apiVersion + "/" + kind, k -> build(apiVersion, kind));
        Set<ValidationMessage> messages = schema.validate(object);
        List<String> errors = new ArrayList<>();
        messages.forEach(m -> errors.add(m.getMessage()));
        return errors;
    }

    private JsonSchema build(String apiVersion, String kind) {
        ObjectNode root = JSON.createObjectNode();
        root.set("definitions", coreDefinitions);
        String core = CORE_KINDS.get(apiVersion + "/" + kind);
        if (core != null) {
            root.put("$ref", "#/definitions/" + core);
            // fabric8 describes apiVersion and kind as free strings with a default
            ObjectNode def = (ObjectNode) coreDefinitions.get(core);
            ((ObjectNode) def.with("properties").get("apiVersion"))
                    .set("enum", JSON.createArrayNode().add(apiVersion));
            ((ObjectNode) def.with("properties").get("kind"))
                    .set("enum", JSON.createArrayNode().add(kind));
        } else {
            ObjectNode schema = crdSchema(apiVersion, kind);
            // the API server validates every object's metadata as ObjectMeta
            schema.with("properties")
                    .set(
                            "metadata",
                            JSON.createObjectNode().put("$ref", "#/definitions/" + OBJECT_META));
            ArrayNode required = schema.withArray("required");
            required.add("apiVersion").add("kind").add("metadata").add("spec");
            schema.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        }
        return factory.getSchema(root);
    }

    private ObjectNode crdSchema(String apiVersion, String kind) {
        JsonNode crd = read(FLINK_CRDS.get(kind), YAML);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                ObjectNode schema =
                        (ObjectNode) v.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                schema.with("properties")
                        .set(
                                "apiVersion",
                                JSON.createObjectNode()
                                        .put("type", "string")
                                        .set("enum", JSON.createArrayNode().add(apiVersion)));
                schema.with("properties")
                        .set(
                                "kind",
                                JSON.createObjectNode()
                                        .put("type", "string")
                                        .set("enum", JSON.createArrayNode().add(kind)));
                if (kind.equals("FlinkDeployment")) {
                    ArrayNode versions =
                            (ArrayNode)
                                    schema.path("properties")
                                            .path("spec")
                                            .path("properties")
                                            .path("flinkVersion")
                                            .path("enum");
                    FLINK_2_VERSIONS.forEach(versions::add);
                }
                return schema;
            }
        }
        throw new IllegalStateException(kind + " has no version " + version + " in its CRD");
    }

    /** Unknown properties are errors; property-level {@code required: true} becomes a list. */
    static void strict(JsonNode node) {
        if (node.isArray()) {
            node.forEach(KubernetesSchemas::strict);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode properties = object.get("properties");
        if (properties != null && properties.isObject()) {
            ArrayNode required = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode flag = property.getValue().get("required");
                if (flag != null && flag.isBoolean()) {
                    ((ObjectNode) property.getValue()).remove("required");
                    if (flag.booleanValue()) {
                        if (required == null) {
                            required = object.withArray("required");
                        }
                        required.add(property.getKey());
                    }
                }
            }
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean();
            JsonNode additional = object.get("additionalProperties");
            if (!preserves && (additional == null || additional.isBoolean())) {
                object.put("additionalProperties", false);
            }
        }
        object.fields().forEachRemaining(e -> strict(e.getValue()));
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in =
                KubernetesSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
