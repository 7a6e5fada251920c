package dev.guardian.logs.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.serde.RecordCodec;

/**
 * An anomaly as a document of the triage index: the record's JSON ({@link RecordCodec#toJson}
 * names) plus {@code @timestamp} (its time) for Grafana and Kibana, indexed by the anomaly's
 * deterministic id. Mapping: {@code infra/elasticsearch/templates/guardian-anomalies.json}.
 */
public class AnomalyDocument implements ElasticsearchDocumentConverter<Anomaly> {

    private static final long serialVersionUID = 1L;

    private final String index;
    private final RecordCodec<Anomaly> codec = RecordCodec.of(Anomaly.class);

    public AnomalyDocument(String index) {
        this.index = index;
    }

    @Override
    public ElasticsearchDocument toDocument(Anomaly anomaly) {
        ObjectNode source = codec.toJsonNode(anomaly);
        source.put("@timestamp", anomaly.getTime().toString());
        return ElasticsearchDocument.index(index, anomaly.getId(), source);
    }
}
