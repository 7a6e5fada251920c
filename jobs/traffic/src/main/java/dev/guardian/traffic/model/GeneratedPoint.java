package dev.guardian.traffic.model;

/** One sample the generator produced: which series, when, what value. */
public record GeneratedPoint(Series series, long timestampMillis, double value) {}
