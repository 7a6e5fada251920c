package dev.guardian.schemas;

import org.apache.avro.specific.SpecificRecord;

/** The Kafka topics of Guardian and the record each carries: the one home of the topic names. */
public enum Topic {
    BILLING_RECORDS("billing.records", BillingRecord.class),
    LOG_EVENTS("logs.events", LogEvent.class),
    METRIC_POINTS("metrics.points", MetricPoint.class),
    SECURITY_EVENTS("security.events", SecurityEvent.class),
    ANOMALIES("guardian.anomalies", Anomaly.class),
    FORECASTS("guardian.forecasts", Forecast.class),
    DETECTIONS("guardian.detections", Detection.class),
    ALERTS("guardian.alerts", Alert.class);

    /** Suffix of the dead-letter topic of each input topic; its records are {@link DeadLetter}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final String topicName;
    private final Class<? extends SpecificRecord> recordClass;

    Topic(String topicName, Class<? extends SpecificRecord> recordClass) {
        this.topicName = topicName;
        this.recordClass = recordClass;
    }

    /** The Kafka topic name, e.g. {@code logs.events}. */
    public String topicName() {
        return topicName;
    }

    public Class<? extends SpecificRecord> recordClass() {
        return recordClass;
    }

    /** E.g. {@code logs.events.dlq}. */
    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }
}
