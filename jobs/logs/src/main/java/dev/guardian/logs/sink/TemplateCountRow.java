package dev.guardian.logs.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.logs.template.TemplateCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minute's count as a row of {@code guardian.log_template_counts_1m}. */
public class TemplateCountRow implements ClickHouseRowConverter<TemplateCount> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "log_template_counts_1m";

    @Override
    public Map<String, Object> toRow(TemplateCount c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", c.service);
        row.put("template_id", c.templateId);
        row.put("severity", c.severity);
        row.put("minute", Instant.ofEpochSecond(c.minuteStartMillis / 1000));
        row.put("template", c.template);
        row.put("count", c.count);
        return row;
    }
}
