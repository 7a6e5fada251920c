package dev.guardian.alerts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message for one receiver: a group's state (one member for an ungrouped route) or a summary of
 * rate-limited notifications. Its id is deterministic (derived from the alerts, never from the
 * clock), so a replay after a failure produces the same id and the delivery ledger can tell that it
 * was already delivered.
 */
public class Notification {

    /** {@code receiver|groupKey@openedAt#revision}, or {@code receiver|rate-limit@window}. */
    public String id;

    public String receiver;
    public String route;
    public NotificationKind kind;

    /**
     * Key that receivers use to collapse updates of one incident: the fingerprint for an ungrouped
     * route (PagerDuty dedup_key), a hash of the group otherwise.
     */
    public String dedupKey;

    public String groupKey;
    public Map<String, String> groupLabels = new TreeMap<>();
    public int revision;

    /** Most urgent severity among firing members (among all members once resolved). */
    public String severity;

    /** Event time of the newest alert change it reports. */
    public long time;

    /** Firing members first, then those resolved since the previous notification. */
    public List<NotificationMember> members = new ArrayList<>();

    /** Members left out of {@link #members} to keep messages readable. */
    public int omittedMembers;

    /** For {@link NotificationKind#SUMMARY}: how many notifications it stands for. */
    public int summarisedCount;

    public Notification() {}

    public int firingCount() {
        int n = 0;
        for (NotificationMember m : members) {
            if (!m.resolved) {
                n++;
            }
        }
        return n;
    }

    /** The member whose details head the message: the most urgent firing one, or the first. */
    public AlertView lead() {
        NotificationMember best = null;
        for (NotificationMember m : members) {
            if (best == null
                    || (best.resolved && !m.resolved)
                    || (best.resolved == m.resolved
                            && m.alert
                                    .severityLevel()
                                    .moreUrgentThan(best.alert.severityLevel()))) {
                best = m;
            }
        }
        return best == null ? null : best.alert;
    }

    @Override
    public String toString() {
        return kind + " " + id + " (" + members.size() + " members)";
    }
}
