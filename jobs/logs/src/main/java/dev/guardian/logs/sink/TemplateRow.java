package dev.guardian.logs.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.logs.template.TemplateEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template change as a row of {@code guardian.log_templates}: the newest row per service and
 * template wins (ReplacingMergeTree on {@code changed_at}).
 */
public class TemplateRow implements ClickHouseRowConverter<TemplateEvent> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "log_templates";

    @Override
    public Map<String, Object> toRow(TemplateEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", e.service);
        row.put("template_id", e.templateId);
        row.put("template", e.template);
        row.put("example", e.example == null ? "" : e.example);
        row.put("first_seen", Instant.ofEpochMilli(e.firstSeenMillis));
        row.put("changed_at", Instant.ofEpochMilli(e.timeMillis));
        row.put("count_at_change", e.count);
        row.put("merged_ids", List.of(e.mergedIds));
        row.put("merged_into", e.mergedInto == null ? "" : e.mergedInto);
        return row;
    }
}
