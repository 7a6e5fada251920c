package dev.guardian.ops.verify;

import dev.guardian.ops.http.ClickHouseQueries;
import dev.guardian.ops.http.ElasticsearchQueries;
import dev.guardian.ops.http.InfluxQueries;

/** The stores a run's outputs are read back from, and the run's isolated names. */
public record OutputQueries(
        Isolation isolation,
        ClickHouseQueries clickhouse,
        InfluxQueries influxdb,
        ElasticsearchQueries elasticsearch) {

    public static OutputQueries of(Isolation isolation) {
        return new OutputQueries(
                isolation,
                new ClickHouseQueries(isolation.endpoints().clickhouseUrl()),
                new InfluxQueries(isolation.endpoints().influxdbUrl()),
                new ElasticsearchQueries(isolation.endpoints().elasticsearchUrl()));
    }
}
