package dev.guardian.alerts.route;

import dev.guardian.alerts.model.AlertView;

/** One alert of a group, with what changed about it since the group's last notification. */
public class GroupMemberState {

    public static final String JOINED = "JOINED";
    public static final String RESOLVED = "RESOLVED";
    public static final String UPDATED = "UPDATED";
    public static final String NONE = "NONE";

    public AlertView alert;
    public boolean resolved;

    /** {@link #JOINED}, {@link #RESOLVED}, {@link #UPDATED} or {@link #NONE}. */
    public String news;

    public GroupMemberState() {}

    public GroupMemberState(AlertView alert, boolean resolved, String news) {
        this.alert = alert;
        this.resolved = resolved;
        this.news = news;
    }
}
