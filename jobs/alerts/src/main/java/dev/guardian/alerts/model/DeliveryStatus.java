package dev.guardian.alerts.model;

/** The outcome of one delivery attempt. */
public enum DeliveryStatus {
    /** The receiver accepted it. */
    DELIVERED,
    /** Failed for a reason worth retrying (429, 5xx, timeout, connection); another try follows. */
    RETRYING,
    /** The last attempt failed, or the receiver refused it for good (4xx): dead-lettered. */
    FAILED,
    /** The ledger shows it was delivered before a restart: not sent again. */
    ALREADY_DELIVERED
}
