package dev.guardian.alerts.model;

import java.util.Map;
import java.util.TreeMap;

/** A notifying decision on its way to one receiver, in one notification group of one route. */
public class RoutedAlert {

    public AlertDecision decision;
    public String route;
    public String receiver;

    /** receiver + route + the values of the route's group_by labels (or the fingerprint). */
    public String groupKey;

    public Map<String, String> groupLabels = new TreeMap<>();

    /** True when the route has no group_by: the group is the fingerprint alone. */
    public boolean single;

    public long groupWaitMillis;
    public long groupIntervalMillis;

    public RoutedAlert() {}

    @Override
    public String toString() {
        return receiver + "/" + groupKey + ": " + decision;
    }
}
