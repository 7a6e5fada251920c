package dev.guardian.infra.local.es;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.elasticsearch.ResourceAlreadyExistsException;
import org.elasticsearch.action.ActionListener;
import org.elasticsearch.action.admin.indices.create.AutoCreateAction;
import org.elasticsearch.action.admin.indices.create.CreateIndexRequest;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.ClusterStateUpdateTask;
import org.elasticsearch.cluster.metadata.ComposableIndexTemplate;
import org.elasticsearch.cluster.metadata.DataStream;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.cluster.metadata.MetadataDataStreamsService;
import org.elasticsearch.cluster.metadata.MetadataIndexTemplateService;
import org.elasticsearch.cluster.routing.IndexRoutingTable;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.index.Index;
import org.elasticsearch.index.IndexNotFoundException;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.ToXContent;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * {@code GET|PUT|DELETE /_data_stream[/{name}]}. The server creates data streams on first write
 * through a template with {@code data_stream}; the REST API lives in an unpublished module.
 * Nothing manages the streams' lifecycle here: rollover is manual ({@code POST <stream>/_rollover}).
 */
final class DataStreamHandler implements RestHandler {

    private final Supplier<ClusterService> cluster;
    private final Settings settings;

    DataStreamHandler(Supplier<ClusterService> cluster, Settings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.GET, "/_data_stream"),
                new Route(RestRequest.Method.GET, "/_data_stream/{name}"),
                new Route(RestRequest.Method.PUT, "/_data_stream/{name}"),
                new Route(RestRequest.Method.DELETE, "/_data_stream/{name}"));
    }

    @Override
    public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) {
        try {
            switch (request.method()) {
                case PUT -> create(request.param("name"), channel, client);
                case DELETE -> delete(request.param("name"), channel);
                default -> get(request.param("name", "*"), channel);
            }
        } catch (Exception e) {
            Responses.error(channel, e);
        }
    }

    /** The data streams a comma-separated list of names or wildcards names; 404 for a missing name. */
    private static List<DataStream> matching(Metadata metadata, String expression) {
        Map<String, DataStream> all = new TreeMap<>(metadata.dataStreams());
        List<DataStream> found = new ArrayList<>();
        for (String part : expression.split(",")) {
            if (part.equals("_all") || Regex.isSimpleMatchPattern(part)) {
                String pattern = part.equals("_all") ? "*" : part;
                all.values().stream()
                        .filter(ds -> Regex.simpleMatch(pattern, ds.getName()))
                        .forEach(found::add);
            } else if (all.containsKey(part)) {
                found.add(all.get(part));
            } else {
                throw new IndexNotFoundException(part);
            }
        }
        return found.stream().distinct().toList();
    }

    private void get(String expression, RestChannel channel) throws IOException {
        ClusterState state = cluster.get().state();
        XContentBuilder body = channel.newBuilder();
        body.startObject().startArray("data_streams");
        for (DataStream ds : matching(state.metadata(), expression)) {
            write(body, ds, state);
        }
        body.endArray().endObject();
        channel.sendResponse(new RestResponse(RestStatus.OK, body));
    }

    private static void write(XContentBuilder body, DataStream ds, ClusterState state)
            throws IOException {
        body.startObject()
                .field("name", ds.getName())
                .startObject("timestamp_field")
                .field("name", "@timestamp")
                .endObject()
                .startArray("indices");
        for (Index index : ds.getIndices()) {
            body.startObject()
                    .field("index_name", index.getName())
                    .field("index_uuid", index.getUUID());
            String policy = ilmPolicy(state.metadata().index(index));
            if (policy != null) {
                body.field("ilm_policy", policy);
            }
            body.field("prefer_ilm", true).field("managed_by", "Unmanaged").endObject();
        }
        body.endArray()
                .field("generation", ds.getGeneration())
                .field("status", health(ds, state))
                .field(
                        "template",
                        MetadataIndexTemplateService.findV2Template(
                                state.metadata(), ds.getName(), ds.isHidden()))
                .field("next_generation_managed_by", "Unmanaged")
                .field("prefer_ilm", true)
                .field("hidden", ds.isHidden())
                .field("system", ds.isSystem())
                .field("allow_custom_routing", ds.isAllowCustomRouting())
                .field("replicated", ds.isReplicated())
                .field("rollover_on_write", ds.rolloverOnWrite());
        String policy = ilmPolicy(state.metadata().index(ds.getWriteIndex()));
        if (policy != null) {
            body.field("ilm_policy", policy);
        }
        body.startObject("settings");
        ds.getSettings().toXContent(body, ToXContent.EMPTY_PARAMS);
        body.endObject();
        if (ds.getMetadata() != null) {
            body.field("_meta", ds.getMetadata());
        }
        body.startObject("failure_store")
                .field("enabled", false)
                .field("rollover_on_write", true)
                .startArray("indices")
                .endArray()
                .endObject()
                .endObject();
    }

    private static String ilmPolicy(IndexMetadata index) {
        if (index == null) {
            return null;
        }
        String policy = LocalCompatPlugin.LIFECYCLE_NAME.get(index.getSettings());
        return policy.isEmpty() ? null : policy;
    }

    private static String health(DataStream ds, ClusterState state) {
        String worst = "GREEN";
        for (Index index : ds.getIndices()) {
            IndexRoutingTable routing = state.routingTable().index(index);
            if (routing == null || !routing.allPrimaryShardsActive()) {
                return "RED";
            }
            if (!routing.allShardsActive()) {
                worst = "YELLOW";
            }
        }
        return worst;
    }

    private void create(String name, RestChannel channel, NodeClient client) {
        Metadata metadata = cluster.get().state().metadata();
        if (metadata.dataStreams().containsKey(name)) {
            throw new ResourceAlreadyExistsException("data_stream [" + name + "] already exists");
        }
        String template = MetadataIndexTemplateService.findV2Template(metadata, name, false);
        ComposableIndexTemplate composable = template == null ? null : metadata.templatesV2().get(template);
        if (composable == null || composable.getDataStreamTemplate() == null) {
            throw new IllegalArgumentException(
                    "no matching index template found for data stream [" + name + "]");
        }
        // The server's own auto-create path: it makes a data stream when the template says so.
        client.execute(
                AutoCreateAction.INSTANCE,
                new CreateIndexRequest(name).cause("api"),
                ActionListener.wrap(
                        created -> Responses.acknowledged(channel),
                        failure -> Responses.error(channel, failure)));
    }

    private void delete(String expression, RestChannel channel) {
        ClusterService clusterService = cluster.get();
        Set<String> names =
                matching(clusterService.state().metadata(), expression).stream()
                        .map(DataStream::getName)
                        .collect(Collectors.toSet());
        if (names.isEmpty()) {
            Responses.acknowledged(channel);
            return;
        }
        clusterService.submitUnbatchedStateUpdateTask(
                "guardian-local-compat delete data streams " + names,
                new ClusterStateUpdateTask(TimeValue.timeValueSeconds(30)) {
                    @Override
                    public ClusterState execute(ClusterState current) {
                        Set<DataStream> present =
                                names.stream()
                                        .map(current.metadata().dataStreams()::get)
                                        .filter(Objects::nonNull)
                                        .collect(Collectors.toSet());
                        return present.isEmpty()
                                ? current
                                : MetadataDataStreamsService.deleteDataStreams(
                                        current, present, settings);
                    }

                    @Override
                    public void onFailure(Exception e) {
                        Responses.error(channel, e);
                    }

                    @Override
                    public void clusterStateProcessed(ClusterState before, ClusterState after) {
                        Responses.acknowledged(channel);
                    }
                });
    }
}
