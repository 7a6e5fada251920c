package dev.guardian.connectors.elasticsearch;

import static dev.guardian.connectors.elasticsearch.ElasticsearchDocument.OpType.CREATE;
import static dev.guardian.connectors.elasticsearch.ElasticsearchDocument.OpType.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkItemOutcomeTest {

    @Test
    void sortsItemStatuses() {
        assertThat(BulkItemOutcome.of(INDEX, 201)).isEqualTo(BulkItemOutcome.WRITTEN);
        assertThat(BulkItemOutcome.of(INDEX, 200)).isEqualTo(BulkItemOutcome.WRITTEN);
        assertThat(BulkItemOutcome.of(CREATE, 409)).isEqualTo(BulkItemOutcome.ALREADY_WRITTEN);
        assertThat(BulkItemOutcome.of(INDEX, 409)).isEqualTo(BulkItemOutcome.REJECT);
        assertThat(BulkItemOutcome.of(CREATE, 429)).isEqualTo(BulkItemOutcome.RETRY);
        assertThat(BulkItemOutcome.of(INDEX, 503)).isEqualTo(BulkItemOutcome.RETRY);
        assertThat(BulkItemOutcome.of(INDEX, 400)).isEqualTo(BulkItemOutcome.REJECT);
        assertThat(BulkItemOutcome.of(CREATE, 404)).isEqualTo(BulkItemOutcome.REJECT);
    }
}
