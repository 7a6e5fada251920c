package dev.guardian.connectors.testing;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import dev.guardian.connectors.influxdb.InfluxPoint;
import dev.guardian.connectors.influxdb.InfluxPointConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The converters the integration tests drive the sinks with. */
public final class ReadingConverters {

    private ReadingConverters() {}

    /** Columns id, series, ts, value. */
    public static final class Row implements ClickHouseRowConverter<Reading> {
        private static final long serialVersionUID = 1L;

        @Override
        public Map<String, Object> toRow(Reading r) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("series", r.series());
            row.put("ts", r.time());
            row.put("value", r.value());
            return row;
        }
    }

    /** One point per reading, tagged by series. */
    public static final class Point implements InfluxPointConverter<Reading> {
        private static final long serialVersionUID = 1L;
        private final String measurement;

        public Point(String measurement) {
            this.measurement = measurement;
        }

        @Override
        public List<InfluxPoint> toPoints(Reading r) {
            return List.of(
                    InfluxPoint.measurement(measurement)
                            .tag("series", r.series())
                            .field("value", r.value())
                            .field("id", r.id())
                            .time(r.time())
                            .build());
        }
    }

    /** Index-by-id (or create-by-id for a data stream) with id {@code r-<id>}. */
    public static final class Document implements ElasticsearchDocumentConverter<Reading> {
        private static final long serialVersionUID = 1L;
        private final String index;
        private final boolean dataStream;

        public Document(String index, boolean dataStream) {
            this.index = index;
            this.dataStream = dataStream;
        }

        @Override
        public ElasticsearchDocument toDocument(Reading r) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("@timestamp", r.time().toString());
            source.put("series", r.series());
            source.put("value", r.value());
            String id = "r-" + r.id();
            return dataStream
                    ? ElasticsearchDocument.create(index, id, source)
                    : ElasticsearchDocument.index(index, id, source);
        }
    }
}
