package dev.guardian.billing.sink;

import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.rollup.RollupCell;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rollup as a row of {@code guardian.billing_cost_hourly} or {@code billing_cost_daily}. */
public class CostRollupRow implements ClickHouseRowConverter<CostRollup> {

    private static final long serialVersionUID = 1L;

    public static final String HOURLY_TABLE = "billing_cost_hourly";
    public static final String DAILY_TABLE = "billing_cost_daily";

    private final RollupGranularity granularity;

    public CostRollupRow(RollupGranularity granularity) {
        this.granularity = granularity;
    }

    public static String tableOf(RollupGranularity granularity) {
        return granularity == RollupGranularity.HOUR ? HOURLY_TABLE : DAILY_TABLE;
    }

    @Override
    public Map<String, Object> toRow(CostRollup r) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (granularity == RollupGranularity.HOUR) {
            row.put("hour", Instant.ofEpochMilli(r.bucketStart));
        } else {
            row.put(
                    "day",
                    LocalDate.ofInstant(Instant.ofEpochMilli(r.bucketStart), ZoneOffset.UTC)
                            .toString());
        }
        row.put("billing_account_id", r.billingAccountId);
        row.put("billing_account_name", r.billingAccountName);
        row.put("sub_account_id", r.subAccountId);
        row.put("sub_account_name", r.subAccountName);
        row.put("provider_name", r.providerName);
        row.put("service_name", r.serviceName);
        row.put("region_id", r.regionId);
        row.put("billing_currency", r.billingCurrency);
        row.put("tag_set", RollupCell.tagSet(r.tags));
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i + 1 < r.tags.length; i += 2) {
            tags.put(r.tags[i], r.tags[i + 1]);
        }
        row.put("tags", tags);
        row.put("billed_cost", r.billedCost);
        row.put("effective_cost", r.effectiveCost);
        row.put("list_cost", r.listCost);
        row.put("lines", r.lines);
        row.put("revision", r.revision);
        return row;
    }
}
