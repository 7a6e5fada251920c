package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEachRowTest {

    @Test
    void writesOneJsonObjectPerLineWithClickHouseFriendlyValues() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "cpu \"load\"\n");
        row.put("cost", new BigDecimal("0.000000010"));
        row.put("big", new BigDecimal("1E+3"));
        row.put("ts", Instant.parse("2024-03-01T12:00:00.123Z"));
        row.put("minute", Instant.parse("2024-03-01T12:01:00Z"));
        row.put("labels", Map.of("host", "a"));
        row.put("tags", List.of("x", "y"));
        row.put("missing", null);

        String line = new String(JsonEachRow.encode(row), StandardCharsets.UTF_8);

        assertThat(line)
                .isEqualTo(
                        "{\"name\":\"cpu \\\"load\\\"\\n\",\"cost\":0.000000010,\"big\":1000,"
                                + "\"ts\":\"1709294400.123\",\"minute\":\"1709294460\","
                                + "\"labels\":{\"host\":\"a\"},\"tags\":[\"x\",\"y\"],"
                                + "\"missing\":null}\n");
    }

    @Test
    void keepsNanosecondsOfAnInstant() {
        assertThat(JsonEachRow.epochSeconds(Instant.ofEpochSecond(1, 5)).toPlainString())
                .isEqualTo("1.000000005");
    }

    @Test
    void concatenatesLines() {
        byte[] body =
                JsonEachRow.concat(
                        List.of(
                                JsonEachRow.encode(Map.of("a", 1)),
                                JsonEachRow.encode(Map.of("a", 2))));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }
}
