package dev.guardian.logs;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the logs job's outputs go: the analysis' outputs ({@link LogAnalysisSinks}), alerts and
 * dead letters. The job's {@code main} plugs in Elasticsearch, ClickHouse and Kafka ({@link
 * ProductionLogsSinks}); tests plug in collecting sinks, so the same workflow runs in both.
 */
public interface LogsSinks extends LogAnalysisSinks, Serializable {

    /** Alert state changes (firing, resolved) for the alert router. */
    void alerts(DataStream<Alert> alerts);

    /** Records that cannot be log lines, with the reason. */
    void deadLetters(DataStream<DeadLetter> deadLetters);
}
