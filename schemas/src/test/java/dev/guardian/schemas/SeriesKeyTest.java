package dev.guardian.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesKeyTest {

    @Test
    void labelsAreSortedWhateverTheInsertionOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("method", "GET");
        labels.put("code", "500");

        assertThat(SeriesKey.of("http_requests_total", labels))
                .isEqualTo("http_requests_total{code=\"500\",method=\"GET\"}");
        assertThat(SeriesKey.of(SampleRecords.metricPoint()))
                .isEqualTo("http_server_requests_total{code=\"500\",method=\"GET\"}");
    }

    @Test
    void noLabelsIsTheName() {
        assertThat(SeriesKey.of("up", Map.of())).isEqualTo("up");
    }

    @Test
    void valuesAreEscapedSoDistinctSeriesNeverCollide() {
        String quoted = SeriesKey.of("m", Map.of("a", "x\",b=\"y"));
        String two = SeriesKey.of("m", Map.of("a", "x", "b", "y"));

        assertThat(quoted).isEqualTo("m{a=\"x\\\",b=\\\"y\"}");
        assertThat(quoted).isNotEqualTo(two);
        assertThat(SeriesKey.of("m", Map.of("a", "back\\slash\nnew")))
                .isEqualTo("m{a=\"back\\\\slash\\nnew\"}");
    }
}
