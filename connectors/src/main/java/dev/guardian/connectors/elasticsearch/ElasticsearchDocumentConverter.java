package dev.guardian.connectors.elasticsearch;

import java.io.Serializable;

/**
 * Maps one record to its Elasticsearch document: index or data stream, deterministic id (e.g. a
 * hash of the record's natural key), JSON source. A pure function with its own unit test.
 */
@FunctionalInterface
public interface ElasticsearchDocumentConverter<T> extends Serializable {

    ElasticsearchDocument toDocument(T record);
}
