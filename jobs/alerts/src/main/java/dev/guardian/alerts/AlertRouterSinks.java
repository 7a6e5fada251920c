package dev.guardian.alerts;

import dev.guardian.alerts.deliver.DeliveryLedger;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.schemas.DeadLetter;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the router's outputs go. {@link ProductionAlertRouterSinks} plugs in ClickHouse,
 * Elasticsearch and Kafka; tests plug in collecting sinks and an in-memory ledger. Notifications
 * themselves go to the receivers named in the routing config, not through here.
 */
public interface AlertRouterSinks extends Serializable {

    /** Every alert state change with the router's decision and routes. */
    void alertRecords(DataStream<AlertRecord> records);

    /** Every delivery attempt (receiver, status, attempt, latency). */
    void deliveryAttempts(DataStream<DeliveryAttemptRecord> attempts);

    /** Notifications whose last delivery attempt failed. */
    void deliveryDeadLetters(DataStream<DeadLetter> deadLetters);

    /** Alerts and mute commands that failed to decode. */
    void deadLetters(DataStream<DeadLetter> deadLetters);

    /** Where delivered notifications are remembered across restarts. */
    DeliveryLedger deliveryLedger();
}
