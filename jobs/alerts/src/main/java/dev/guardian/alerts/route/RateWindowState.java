package dev.guardian.alerts.route;

import dev.guardian.alerts.model.NotificationMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keyed state of one receiver's current rate-limit window. A Flink POJO. */
public class RateWindowState {

    public long windowStart;
    public int sent;

    /** Notifications held back in this window, summarised at its end. */
    public int overflow;

    public Map<String, Integer> overflowBySeverity = new TreeMap<>();
    public String overflowSeverity;
    public long overflowNewest;

    /** Lead alerts of the first held-back notifications, listed in the summary. */
    public List<NotificationMember> overflowLeads = new ArrayList<>();

    public String route;

    public RateWindowState() {}
}
