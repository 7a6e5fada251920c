package dev.guardian.metrics;

import dev.guardian.schemas.DeadLetter;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the metrics job's outputs go. The job's {@code main} plugs in ClickHouse, InfluxDB and
 * Kafka ({@link ProductionMetricsSinks}); tests plug in collecting sinks, so the same workflow runs
 * in both.
 */
public interface MetricsSinks extends Serializable {

    /** Every valid point, for the raw table. */
    void points(DataStream<MetricSample> points);

    /** One-minute rollups per series. */
    void rollups(DataStream<MetricRollup> rollups);

    /** Records that failed to decode or validate, with the reason. */
    void deadLetters(DataStream<DeadLetter> deadLetters);
}
