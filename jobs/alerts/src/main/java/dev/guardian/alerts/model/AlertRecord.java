package dev.guardian.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the router recorded about one alert state change: the alert, the decision and where it was
 * routed. Muted and duplicate changes are recorded too, so "why were we (not) paged" is a query.
 */
public class AlertRecord {

    public AlertDecision decision;

    /** Routes that matched, in order ({@code route→receiver}); empty if it did not notify. */
    public List<String> routes = new ArrayList<>();

    public List<String> receivers = new ArrayList<>();

    public AlertRecord() {}

    public AlertRecord(AlertDecision decision) {
        this.decision = decision;
    }
}
