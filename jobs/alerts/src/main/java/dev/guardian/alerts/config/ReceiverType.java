package dev.guardian.alerts.config;

/** The kinds of receiver the router delivers to. */
public enum ReceiverType {
    PAGERDUTY,
    SLACK,
    WEBHOOK
}
