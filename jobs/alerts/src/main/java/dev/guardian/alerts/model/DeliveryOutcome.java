package dev.guardian.alerts.model;

import java.util.ArrayList;
import java.util.List;

/** Every attempt of one notification's delivery, ending with the final status. */
public class DeliveryOutcome {

    public Notification notification;
    public String receiverType;
    public List<DeliveryAttemptRecord> attempts = new ArrayList<>();

    public DeliveryOutcome() {}

    public DeliveryStatus finalStatus() {
        return attempts.isEmpty()
                ? DeliveryStatus.FAILED
                : attempts.get(attempts.size() - 1).status;
    }

    public DeliveryAttemptRecord last() {
        return attempts.get(attempts.size() - 1);
    }
}
