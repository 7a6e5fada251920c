package dev.guardian.metrics;

import dev.guardian.metrics.anomaly.AnomalyScore;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the metrics job's outputs go. The job's {@code main} plugs in ClickHouse, Elasticsearch,
 * InfluxDB and Kafka ({@link ProductionMetricsSinks}); tests plug in collecting sinks, so the same
 * workflow runs in both.
 */
public interface MetricsSinks extends Serializable {

    /** Every valid point, for the raw table. */
    void points(DataStream<MetricSample> points);

    /** One-minute rollups per series. */
    void rollups(DataStream<MetricRollup> rollups);

    /** One record per point that opened an anomaly, with its explanation. */
    void anomalies(DataStream<Anomaly> anomalies);

    /** FIRING when an anomaly episode of a series starts, RESOLVED (same fingerprint) when over. */
    void alerts(DataStream<Alert> alerts);

    /** The detector's verdict on every scored point: value, expected value and band, score. */
    void anomalyScores(DataStream<AnomalyScore> scores);

    /** Records that failed to decode or validate, with the reason. */
    void deadLetters(DataStream<DeadLetter> deadLetters);
}
