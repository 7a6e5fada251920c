package dev.guardian.logs.traffic;

/**
 * One event of a raw log file: its header's fields and the message (with any continuation lines).
 *
 * @param label Loghub's alert label where the file has one (BGL: {@code -} for normal lines)
 */
public record ReplayEvent(
        long timeMillis,
        String severity,
        String component,
        String host,
        String label,
        String message) {

    ReplayEvent withMessage(String text) {
        return new ReplayEvent(timeMillis, severity, component, host, label, text);
    }

    ReplayEvent shifted(long offsetMillis) {
        return new ReplayEvent(
                timeMillis + offsetMillis, severity, component, host, label, message);
    }
}
