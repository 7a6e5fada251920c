package dev.guardian.security.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Detection;
import dev.guardian.security.suppress.SuppressRepeats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detection as a row of {@code guardian.detections} (infra/clickhouse/050_security.sql): the
 * record's fields, plus actor, source IP and account lifted out of {@code fields} for grouping, and
 * {@code suppressed_repeats}, the version of ReplacingMergeTree: the re-issue of a detection when
 * its suppression window closes (same id, more repeats) replaces the first row.
 */
public class DetectionRow implements ClickHouseRowConverter<Detection> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "detections";

    @Override
    public Map<String, Object> toRow(Detection d) {
        Map<String, String> fields = d.getFields();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.getId());
        row.put("rule_id", d.getRuleId());
        row.put("rule_title", d.getRuleTitle());
        row.put("level", d.getLevel().name());
        row.put("tags", d.getTags());
        row.put("time", d.getTime());
        row.put("window_start", d.getWindowStart());
        row.put("window_end", d.getWindowEnd());
        row.put("group_by", d.getGroupBy());
        row.put("actor", fields.getOrDefault("actor", ""));
        row.put("source_ip", fields.getOrDefault("sourceIp", ""));
        row.put("account_id", fields.getOrDefault("accountId", ""));
        row.put("matched_event_ids", d.getMatchedEventIds());
        row.put("events", d.getEvents());
        row.put("fields", fields);
        row.put("suppressed_repeats", suppressedRepeats(d));
        return row;
    }

    static long suppressedRepeats(Detection d) {
        String n = d.getFields().get(SuppressRepeats.SUPPRESSED_REPEATS);
        try {
            return n == null ? 0 : Long.parseLong(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
