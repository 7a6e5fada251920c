package dev.guardian.anomaly.flink;

import dev.guardian.anomaly.AnomalyResult;

/** The anomaly function's output: the verdict on one point of one series. */
public record SeriesScore(String series, AnomalyResult result) {}
