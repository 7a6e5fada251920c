package dev.guardian.infra.local.es;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.elasticsearch.ResourceAlreadyExistsException;
import org.elasticsearch.ResourceNotFoundException;
import org.elasticsearch.action.ActionListener;
import org.elasticsearch.action.DocWriteResponse;
import org.elasticsearch.action.get.GetResponse;
import org.elasticsearch.action.support.WriteRequest;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.ComposableIndexTemplate;
import org.elasticsearch.cluster.metadata.DataStream;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.Strings;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.xcontent.XContentHelper;
import org.elasticsearch.index.query.QueryBuilders;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.search.SearchHit;
import org.elasticsearch.xcontent.XContentBuilder;
import org.elasticsearch.xcontent.json.JsonXContent;

/**
 * {@code GET|PUT|DELETE /_ilm/policy[/{name}]} and {@code GET /_ilm/status}. The ILM plugin is
 * not published, so policies are kept (in a hidden index) and returned with their users, but
 * nothing executes them: no rollover, no deletion. {@code _ilm/status} says {@code STOPPED}.
 */
final class IlmPolicyHandler implements RestHandler {

    static final String INDEX = ".guardian-local-ilm-policies";

    private final Supplier<ClusterService> cluster;

    IlmPolicyHandler(Supplier<ClusterService> cluster) {
        this.cluster = cluster;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.GET, "/_ilm/status"),
                new Route(RestRequest.Method.GET, "/_ilm/policy"),
                new Route(RestRequest.Method.GET, "/_ilm/policy/{name}"),
                new Route(RestRequest.Method.PUT, "/_ilm/policy/{name}"),
                new Route(RestRequest.Method.DELETE, "/_ilm/policy/{name}"));
    }

    @Override
    public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) {
        try {
            if (request.path().endsWith("/_ilm/status")) {
                XContentBuilder body = channel.newBuilder();
                body.startObject().field("operation_mode", "STOPPED").endObject();
                channel.sendResponse(new RestResponse(RestStatus.OK, body));
                return;
            }
            String name = request.param("name");
            switch (request.method()) {
                case PUT -> put(name, request, channel, client);
                case DELETE -> delete(name, channel, client);
                default -> get(name == null ? "*" : name, channel, client);
            }
        } catch (Exception e) {
            Responses.error(channel, e);
        }
    }

    private void put(String name, RestRequest request, RestChannel channel, NodeClient client)
            throws IOException {
        Map<String, Object> body =
                XContentHelper.convertToMap(request.requiredContent(), false, request.getXContentType())
                        .v2();
        if (!(body.get("policy") instanceof Map<?, ?> policy)) {
            throw new IllegalArgumentException("required [policy] object is missing in the request body");
        }
        String policyJson =
                Strings.toString(JsonXContent.contentBuilder().map(castMap(policy)));
        ensureIndex(
                client,
                channel,
                () ->
                        client.prepareGet(INDEX, name)
                                .execute(
                                        ActionListener.wrap(
                                                existing ->
                                                        store(
                                                                name,
                                                                nextVersion(existing),
                                                                policyJson,
                                                                channel,
                                                                client),
                                                e -> Responses.error(channel, e))));
    }

    private static long nextVersion(GetResponse existing) {
        return existing.isExists()
                ? ((Number) existing.getSource().get("version")).longValue() + 1
                : 1;
    }

    private void store(
            String name, long version, String policyJson, RestChannel channel, NodeClient client) {
        client.prepareIndex(INDEX)
                .setId(name)
                .setSource(
                        Map.of(
                                "name", name,
                                "version", version,
                                "modified_date", Instant.now().toString(),
                                "policy_json", policyJson))
                .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE)
                .execute(
                        ActionListener.wrap(
                                indexed -> Responses.acknowledged(channel),
                                e -> Responses.error(channel, e)));
    }

    private void get(String expression, RestChannel channel, NodeClient client) {
        Metadata metadata = cluster.get().state().metadata();
        if (!metadata.hasIndex(INDEX)) {
            respondWithPolicies(expression, List.of(), metadata, channel);
            return;
        }
        client.prepareSearch(INDEX)
                .setQuery(QueryBuilders.matchAllQuery())
                .setSize(10_000)
                .execute(
                        ActionListener.wrap(
                                found -> {
                                    List<Map<String, Object>> stored = new ArrayList<>();
                                    for (SearchHit hit : found.getHits().getHits()) {
                                        stored.add(hit.getSourceAsMap());
                                    }
                                    respondWithPolicies(
                                            expression, stored, cluster.get().state().metadata(), channel);
                                },
                                e -> Responses.error(channel, e)));
    }

    private void respondWithPolicies(
            String expression, List<Map<String, Object>> stored, Metadata metadata, RestChannel channel) {
        try {
            Map<String, Map<String, Object>> byName = new TreeMap<>();
            stored.forEach(doc -> byName.put((String) doc.get("name"), doc));
            Map<String, Map<String, Object>> selected = new TreeMap<>();
            for (String part : expression.split(",")) {
                if (part.equals("_all") || Regex.isSimpleMatchPattern(part)) {
                    String pattern = part.equals("_all") ? "*" : part;
                    byName.forEach((n, doc) -> {
                        if (Regex.simpleMatch(pattern, n)) selected.put(n, doc);
                    });
                } else if (byName.containsKey(part)) {
                    selected.put(part, byName.get(part));
                } else {
                    throw new ResourceNotFoundException("Lifecycle policy not found: [{}]", part);
                }
            }
            XContentBuilder body = channel.newBuilder();
            body.startObject();
            for (Map.Entry<String, Map<String, Object>> e : selected.entrySet()) {
                Map<String, Object> doc = e.getValue();
                body.startObject(e.getKey())
                        .field("version", doc.get("version"))
                        .field("modified_date", doc.get("modified_date"))
                        .field(
                                "policy",
                                XContentHelper.convertToMap(
                                        JsonXContent.jsonXContent, (String) doc.get("policy_json"), true))
                        .startObject("in_use_by")
                        .field("indices", indicesUsing(metadata, e.getKey()))
                        .field("data_streams", dataStreamsUsing(metadata, e.getKey()))
                        .field("composable_templates", templatesUsing(metadata, e.getKey()))
                        .endObject()
                        .endObject();
            }
            body.endObject();
            channel.sendResponse(new RestResponse(RestStatus.OK, body));
        } catch (Exception e) {
            Responses.error(channel, e);
        }
    }

    private void delete(String name, RestChannel channel, NodeClient client) {
        Metadata metadata = cluster.get().state().metadata();
        List<String> users = indicesUsing(metadata, name);
        if (!users.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot delete policy [" + name + "]. It is in use by one or more indices: " + users);
        }
        if (!metadata.hasIndex(INDEX)) {
            throw new ResourceNotFoundException("Lifecycle policy not found: [{}]", name);
        }
        client.prepareDelete(INDEX, name)
                .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE)
                .execute(
                        ActionListener.wrap(
                                deleted -> {
                                    if (deleted.getResult() == DocWriteResponse.Result.NOT_FOUND) {
                                        Responses.error(
                                                channel,
                                                new ResourceNotFoundException(
                                                        "Lifecycle policy not found: [{}]", name));
                                    } else {
                                        Responses.acknowledged(channel);
                                    }
                                },
                                e -> Responses.error(channel, e)));
    }

    private void ensureIndex(NodeClient client, RestChannel channel, Runnable then) {
        if (cluster.get().state().metadata().hasIndex(INDEX)) {
            then.run();
            return;
        }
        client.admin()
                .indices()
                .prepareCreate(INDEX)
                .setSettings(
                        Settings.builder()
                                .put("index.hidden", true)
                                .put("index.number_of_shards", 1)
                                .put("index.number_of_replicas", 0))
                .setMapping(
                        Map.of(
                                "dynamic", false,
                                "properties",
                                        Map.of(
                                                "name", Map.of("type", "keyword"),
                                                "modified_date", Map.of("type", "date"))))
                .execute(
                        ActionListener.wrap(
                                created -> then.run(),
                                e -> {
                                    if (e instanceof ResourceAlreadyExistsException) {
                                        then.run();
                                    } else {
                                        Responses.error(channel, e);
                                    }
                                }));
    }

    private static List<String> indicesUsing(Metadata metadata, String policy) {
        List<String> names = new ArrayList<>();
        for (IndexMetadata index : metadata.indices().values()) {
            if (policy.equals(LocalCompatPlugin.LIFECYCLE_NAME.get(index.getSettings()))) {
                names.add(index.getIndex().getName());
            }
        }
        names.sort(null);
        return names;
    }

    private static List<String> dataStreamsUsing(Metadata metadata, String policy) {
        List<String> names = new ArrayList<>();
        for (DataStream ds : metadata.dataStreams().values()) {
            IndexMetadata write = metadata.index(ds.getWriteIndex());
            if (write != null && policy.equals(LocalCompatPlugin.LIFECYCLE_NAME.get(write.getSettings()))) {
                names.add(ds.getName());
            }
        }
        names.sort(null);
        return names;
    }

    private static List<String> templatesUsing(Metadata metadata, String policy) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ComposableIndexTemplate> e : metadata.templatesV2().entrySet()) {
            var template = e.getValue().template();
            if (template != null
                    && template.settings() != null
                    && policy.equals(LocalCompatPlugin.LIFECYCLE_NAME.get(template.settings()))) {
                names.add(e.getKey());
            }
        }
        names.sort(null);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
