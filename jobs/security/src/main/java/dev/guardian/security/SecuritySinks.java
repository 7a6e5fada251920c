package dev.guardian.security;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the security job's outputs go: production plugs in Kafka, ClickHouse and Elasticsearch;
 * tests plug in collecting sinks, so the same workflow runs in both.
 */
public interface SecuritySinks extends Serializable {

    /** Every normalized event, for hunting by SQL. */
    void events(DataStream<SecurityEvent> events);

    /**
     * Sigma rule, correlation and stateful detections, repeats suppressed; a detection whose window
     * of repeats closes comes again with the same id and the count in its fields.
     */
    void detections(DataStream<Detection> detections);

    /** One FIRING alert per detection that is not a suppressed repeat, fingerprint rule + group. */
    void alerts(DataStream<Alert> alerts);

    /** Records that could not be read, with the reason. */
    void deadLetters(DataStream<DeadLetter> deadLetters);
}
