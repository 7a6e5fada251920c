package dev.guardian.alerts;

import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.RoutedAlert;
import org.apache.flink.api.java.functions.KeySelector;

/** The keys the router partitions by. */
public final class RouterKeys {

    private RouterKeys() {}

    /** An alert's fingerprint: one episode state per incident. */
    public static final class Fingerprint implements KeySelector<AlertView, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(AlertView alert) {
            return alert.fingerprint;
        }
    }

    /** A notification group: receiver × route × group labels. */
    public static final class Group implements KeySelector<RoutedAlert, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(RoutedAlert routed) {
            return routed.groupKey;
        }
    }

    /** A receiver: one rate limit each. */
    public static final class Receiver implements KeySelector<Notification, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Notification n) {
            return n.receiver;
        }
    }

    /** Receiver × dedup key: deliveries of one incident stay in order on one subtask. */
    public static final class Delivery implements KeySelector<Notification, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Notification n) {
            return n.receiver + "|" + n.dedupKey;
        }
    }
}
