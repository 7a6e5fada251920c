package dev.guardian.alerts.deliver;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP-date (RFC 9110). */
final class RetryAfter {

    private RetryAfter() {}

    /** Milliseconds to wait, 0 when the header is missing, unreadable or in the past. */
    static long millis(Optional<String> header, long nowMillis) {
        if (header.isEmpty()) {
            return 0;
        }
        String value = header.get().trim();
        try {
            double seconds = Double.parseDouble(value);
            return seconds <= 0 || Double.isNaN(seconds) ? 0 : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at =
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant()
                                .toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notADate) {
                return 0;
            }
        }
    }
}
