package dev.guardian.metrics.sink;

import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import dev.guardian.schemas.Anomaly;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An anomaly as a document of the {@code guardian-anomalies} index
 * (infra/elasticsearch/templates/guardian-anomalies.json), indexed by its id so a replay overwrites
 * it. Field names are the record's, plus {@code @timestamp} (= {@code time}) for Kibana and
 * Grafana.
 */
public class AnomalyDocument implements ElasticsearchDocumentConverter<Anomaly> {

    private static final long serialVersionUID = 1L;

    private final String index;

    public AnomalyDocument(String index) {
        this.index = index;
    }

    @Override
    public ElasticsearchDocument toDocument(Anomaly anomaly) {
        Map<String, Object> source = new LinkedHashMap<>();
        String time = anomaly.getTime().toString();
        source.put("@timestamp", time);
        source.put("id", anomaly.getId());
        source.put("source", anomaly.getSource().name());
        source.put("entity", anomaly.getEntity());
        source.put("metric", anomaly.getMetric());
        source.put("labels", anomaly.getLabels());
        source.put("time", time);
        source.put("value", anomaly.getValue());
        source.put("expected", anomaly.getExpected());
        source.put("lower", anomaly.getLower());
        source.put("upper", anomaly.getUpper());
        source.put("unit", anomaly.getUnit());
        source.put("score", anomaly.getScore());
        source.put("grade", anomaly.getGrade().name());
        source.put("detector", anomaly.getDetector());
        source.put("driver", anomaly.getDriver());
        source.put("explanation", anomaly.getExplanation());
        source.put("links", anomaly.getLinks());
        source.put("evidence", anomaly.getEvidence());
        return ElasticsearchDocument.index(index, anomaly.getId(), source);
    }
}
