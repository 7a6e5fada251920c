package dev.guardian.alerts.model;

/** One alert listed in a notification, as it stood when the notification was made. */
public class NotificationMember {

    public AlertView alert;

    /** True if this member resolved since the group's previous notification. */
    public boolean resolved;

    public NotificationMember() {}

    public NotificationMember(AlertView alert, boolean resolved) {
        this.alert = alert;
        this.resolved = resolved;
    }
}
