package dev.guardian.alerts;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.deliver.NotificationDelivery;
import dev.guardian.alerts.deliver.RecordDeliveryOutcomes;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryOutcome;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.RoutedAlert;
import dev.guardian.alerts.route.AlertClock;
import dev.guardian.alerts.route.AlertDeduplicator;
import dev.guardian.alerts.route.AlertGrouper;
import dev.guardian.alerts.route.DecodeAlerts;
import dev.guardian.alerts.route.DecodeMutes;
import dev.guardian.alerts.route.ReceiverRateLimiter;
import dev.guardian.alerts.route.RouteAlerts;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The alert router: {@code guardian.alerts} → decode → deduplicate by fingerprint (with mutes from
 * the config and the {@code guardian.mutes} topic) → route → group → rate-limit per receiver →
 * deliver to PagerDuty, Slack and webhooks; every alert change and every delivery attempt is
 * recorded. This class only wires steps; {@link AlertRouterJobMain} does the I/O.
 */
public final class AlertRouterJob {

    public static final String NAME = "guardian-alerts";

    private AlertRouterJob() {}

    public static void defineWorkflow(
            Configuration conf,
            RouterConfig router,
            DataStream<RawRecord> alertInput,
            DataStream<RawRecord> muteInput,
            AlertRouterSinks sinks) {
        SingleOutputStreamOperator<AlertView> decoded =
                alertInput.process(new DecodeAlerts()).name("Decode alerts").uid("alerts-decode");
        SingleOutputStreamOperator<String> muteCommands =
                muteInput
                        .process(new DecodeMutes())
                        .name("Decode mutes")
                        .uid("alerts-decode-mutes");
        sinks.deadLetters(
                decoded.getSideOutput(DeadLetters.tag())
                        .union(muteCommands.getSideOutput(DeadLetters.tag())));

        Duration outOfOrderness = conf.get(AlertRouterOptions.OUT_OF_ORDERNESS);
        DataStream<AlertView> alerts =
                decoded.assignTimestampsAndWatermarks(
                                new AlertClock<AlertView>(
                                        new AlertTime(),
                                        outOfOrderness,
                                        conf.get(AlertRouterOptions.WALL_CLOCK_WATERMARK),
                                        conf.get(AlertRouterOptions.IDLE_CLOCK_AFTER)))
                        .name("Alert time")
                        .uid("alerts-event-time");
        // Mute commands carry no event time; the wall clock keeps their input from holding back
        // the deduplicator's watermark.
        DataStream<String> mutes =
                muteCommands
                        .assignTimestampsAndWatermarks(
                                new AlertClock<String>(
                                        new ArrivalTime(), Duration.ZERO, true, Duration.ZERO))
                        .name("Mute time")
                        .uid("alerts-mutes-time");

        SingleOutputStreamOperator<AlertDecision> decisions =
                alerts.keyBy(new RouterKeys.Fingerprint())
                        .connect(mutes.broadcast(AlertDeduplicator.MUTES))
                        .process(new AlertDeduplicator(router))
                        .name("Deduplicate and mute")
                        .uid("alerts-dedup");

        SingleOutputStreamOperator<RoutedAlert> routed =
                decisions.process(new RouteAlerts(router)).name("Route").uid("alerts-route");
        sinks.alertRecords(routed.getSideOutput(RouteAlerts.RECORDS));

        DataStream<Notification> grouped =
                routed.keyBy(new RouterKeys.Group())
                        .process(new AlertGrouper())
                        .name("Group")
                        .uid("alerts-group");
        DataStream<Notification> limited =
                grouped.keyBy(new RouterKeys.Receiver())
                        .process(new ReceiverRateLimiter(router))
                        .name("Rate limit per receiver")
                        .uid("alerts-rate-limit");

        DataStream<DeliveryOutcome> outcomes =
                AsyncDataStream.unorderedWait(
                                limited.keyBy(new RouterKeys.Delivery()),
                                new NotificationDelivery(router, sinks.deliveryLedger()),
                                NotificationDelivery.timeout(router).toMillis(),
                                TimeUnit.MILLISECONDS,
                                conf.get(AlertRouterOptions.DELIVERY_CAPACITY))
                        .name("Deliver")
                        .uid("alerts-deliver");
        SingleOutputStreamOperator<DeliveryAttemptRecord> attempts =
                outcomes.process(
                                new RecordDeliveryOutcomes(
                                        router, conf.get(AlertRouterOptions.INPUT_TOPIC)))
                        .name("Delivery records")
                        .uid("alerts-delivery-records");
        sinks.deliveryAttempts(attempts);
        sinks.deliveryDeadLetters(attempts.getSideOutput(DeadLetters.tag()));
    }

    /** An alert's own time. */
    static final class AlertTime implements AlertClock.EventTime<AlertView> {
        private static final long serialVersionUID = 1L;

        @Override
        public long of(AlertView alert) {
            return alert.time;
        }
    }

    /** When a mute command reached the router. */
    static final class ArrivalTime implements AlertClock.EventTime<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public long of(String command) {
            return System.currentTimeMillis();
        }
    }
}
