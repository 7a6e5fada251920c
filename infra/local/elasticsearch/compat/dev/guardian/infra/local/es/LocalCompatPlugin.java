package dev.guardian.infra.local.es;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Setting;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.MapperPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

/**
 * Stand-ins for the parts of the Elasticsearch distribution that are not published as jars, so the
 * local node answers the calls the project makes:
 *
 * <ul>
 *   <li>{@code GET /} and {@code HEAD /} (the {@code rest-root} module), which clients call first;
 *   <li>{@code GET|PUT|DELETE _data_stream} (the {@code data-streams} module): data streams
 *       themselves are in the server and are created on first write through a template;
 *   <li>{@code GET|PUT|DELETE _ilm/policy} and the {@code index.lifecycle.*} index settings
 *       (x-pack ILM): policies are stored and returned, never executed;
 *   <li>field types of unpublished modules, parsed as the closest server type ({@link
 *       StandInFieldTypes}).
 * </ul>
 */
public class LocalCompatPlugin extends Plugin implements ActionPlugin, MapperPlugin {

    // The ILM index settings that templates name; accepted and kept, nothing acts on them here.
    static final Setting<String> LIFECYCLE_NAME =
            Setting.simpleString(
                    "index.lifecycle.name", Setting.Property.Dynamic, Setting.Property.IndexScope);
    static final Setting<String> LIFECYCLE_ROLLOVER_ALIAS =
            Setting.simpleString(
                    "index.lifecycle.rollover_alias",
                    Setting.Property.Dynamic,
                    Setting.Property.IndexScope);
    static final Setting<Boolean> LIFECYCLE_INDEXING_COMPLETE =
            Setting.boolSetting(
                    "index.lifecycle.indexing_complete",
                    false,
                    Setting.Property.Dynamic,
                    Setting.Property.IndexScope);
    static final Setting<Boolean> LIFECYCLE_SKIP =
            Setting.boolSetting(
                    "index.lifecycle.skip",
                    false,
                    Setting.Property.Dynamic,
                    Setting.Property.IndexScope);
    static final Setting<TimeValue> LIFECYCLE_STEP_WAIT_TIME_THRESHOLD =
            Setting.timeSetting(
                    "index.lifecycle.step.wait_time_threshold",
                    TimeValue.timeValueHours(12),
                    Setting.Property.Dynamic,
                    Setting.Property.IndexScope);

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(
                LIFECYCLE_NAME,
                LIFECYCLE_ROLLOVER_ALIAS,
                LIFECYCLE_INDEXING_COMPLETE,
                LIFECYCLE_SKIP,
                LIFECYCLE_STEP_WAIT_TIME_THRESHOLD);
    }

    @Override
    public Map<String, Mapper.TypeParser> getMappers() {
        return StandInFieldTypes.all();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
            Settings settings,
            NamedWriteableRegistry namedWriteableRegistry,
            RestController restController,
            ClusterSettings clusterSettings,
            IndexScopedSettings indexScopedSettings,
            SettingsFilter settingsFilter,
            IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<DiscoveryNodes> nodesInCluster,
            Predicate<NodeFeature> clusterSupportsFeature) {
        Supplier<ClusterService> cluster = () -> clusterService;
        return List.of(
                new RootInfoHandler(cluster),
                new DataStreamHandler(cluster, settings),
                new IlmPolicyHandler(cluster));
    }
}
