package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Timestamps as producers send them, to an {@link Instant}.
 *
 * <ul>
 *   <li>numbers (or numeric strings) are epoch-based, the unit chosen by magnitude: below 1e11
 *       seconds (fractions allowed), below 1e14 milliseconds, below 1e17 microseconds, else
 *       nanoseconds. So epoch milliseconds before March 1973 are read as seconds.
 *   <li>ISO-8601 date-times with {@code T} or a space, optional fraction, and an offset {@code Z},
 *       {@code +02:00} or {@code +0200}; without an offset the time is UTC (FOCUS exports).
 *   <li>a bare date {@code 2024-09-01} is its start in UTC.
 * </ul>
 */
public final class FlexibleTimestamps {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_LIMIT = new BigDecimal("1e14");
    private static final BigDecimal MICROS_LIMIT = new BigDecimal("1e17");
    private static final BigDecimal NANOS_LIMIT = new BigDecimal("1e20");

    private static final DateTimeFormatter DATE_TIME =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .toFormatter();

    private FlexibleTimestamps() {}

    /**
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static Instant parse(JsonNode node) {
        if (node.isNumber()) {
            return fromEpochNumber(node.decimalValue());
        }
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        throw new IllegalArgumentException(
                "expected a timestamp (epoch number or ISO-8601 text), got "
                        + JsonValues.kind(node));
    }

    public static Instant parse(String text) {
        String s = text.trim();
        if (NUMBER.matcher(s).matches()) {
            return fromEpochNumber(new BigDecimal(s));
        }
        try {
            TemporalAccessor parsed =
                    DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                throw new IllegalArgumentException(
                        "expected a timestamp (epoch number or ISO-8601 text), got '"
                                + JsonValues.abbreviate(s)
                                + "'");
            }
        }
    }

    static Instant fromEpochNumber(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        BigDecimal millis;
        if (magnitude.compareTo(SECONDS_LIMIT) < 0) {
            millis = value.movePointRight(3);
        } else if (magnitude.compareTo(MILLIS_LIMIT) < 0) {
            millis = value;
        } else if (magnitude.compareTo(MICROS_LIMIT) < 0) {
            millis = value.movePointLeft(3);
        } else if (magnitude.compareTo(NANOS_LIMIT) < 0) {
            millis = value.movePointLeft(6);
        } else {
            throw new IllegalArgumentException("epoch timestamp out of range: " + value);
        }
        return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
    }
}
