package dev.guardian.connectors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.connectors.clickhouse.JsonEachRow;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.influxdb.LineProtocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadingConvertersTest {

    private static final Reading R = Reading.nth(3);

    @Test
    void rowHasTheTableColumns() {
        assertThat(
                        new String(
                                JsonEachRow.encode(new ReadingConverters.Row().toRow(R)),
                                StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"id\":3,\"series\":\"series-3\",\"ts\":\"1767607203.123\",\"value\":1.5}\n");
    }

    @Test
    void pointIsKeyedBySeriesAndTime() {
        assertThat(LineProtocol.format(new ReadingConverters.Point("m").toPoints(R).get(0)))
                .isEqualTo("m,series=series-3 value=1.5,id=3i 1767607203123000000");
    }

    @Test
    void documentHasADeterministicIdAndTheRightOperation() {
        ElasticsearchDocument doc = new ReadingConverters.Document("idx", false).toDocument(R);

        assertThat(doc.id()).isEqualTo("r-3");
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.INDEX);
        assertThat(new ReadingConverters.Document("ds", true).toDocument(R).opType())
                .isEqualTo(ElasticsearchDocument.OpType.CREATE);
        assertThat(new String(doc.source(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"@timestamp\":\"2026-01-05T10:00:03.123Z\",\"series\":\"series-3\",\"value\":1.5}");
    }
}
