package dev.guardian.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchDocumentTest {

    @Test
    void takesJsonAsBytesTextOrObjects() {
        assertThat(ElasticsearchDocument.index("i", "1", "{\"a\":1}").source())
                .isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(
                        new String(
                                ElasticsearchDocument.create(
                                                "logs-x", "1", Map.of("@timestamp", Instant.EPOCH))
                                        .source(),
                                StandardCharsets.UTF_8))
                .isEqualTo("{\"@timestamp\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void needsAnIndexAndAnId() {
        assertThatThrownBy(() -> ElasticsearchDocument.index("i", "", "{}"))
                .hasMessageContaining("deterministic id");
        assertThatThrownBy(() -> ElasticsearchDocument.index("", "1", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
