package dev.guardian.alerts.route;

import java.util.Map;
import java.util.TreeMap;

/** Keyed state of one notification group (receiver × route × group labels). A Flink POJO. */
public class GroupState {

    public String route;
    public String receiver;
    public String groupKey;
    public String dedupKey;
    public Map<String, String> groupLabels = new TreeMap<>();
    public long groupWaitMillis;
    public long groupIntervalMillis;

    /** Event time of the first change: part of every notification id of this group episode. */
    public long openedAt;

    /** Notifications sent so far in this group episode. */
    public int revision;

    public long lastSentAt;
    public String lastSentSeverity;

    /** Something changed since the last notification. */
    public boolean dirty;

    /** Event time of the pending send timer, or Long.MIN_VALUE. */
    public long timerAt = Long.MIN_VALUE;

    public GroupState() {}
}
