package dev.guardian.alerts.config;

import dev.guardian.alerts.model.AlertView;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A recurring maintenance window: on the given days (all when none), from {@code start} to {@code
 * end} local time in {@code timezone}; an end before the start runs past midnight into the next
 * day. Alerts it matches are recorded but not notified.
 */
public final class MaintenanceWindow implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String name;
    public final AlertMatcher match;
    private final EnumSet<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public MaintenanceWindow(
            String name,
            AlertMatcher match,
            Set<DayOfWeek> days,
            LocalTime start,
            LocalTime end,
            ZoneId zone) {
        this.name = name;
        this.match = match;
        this.days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    static MaintenanceWindow parse(ConfigNode node) {
        String name = node.requireString("name");
        AlertMatcher match = AlertMatcher.parse(node.node("match"));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : node.strings("days")) {
            days.add(day(node.child("days"), d));
        }
        LocalTime start = time(node, "start");
        LocalTime end = time(node, "end");
        ZoneId zone;
        String tz = node.string("timezone", "UTC");
        try {
            zone = ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw ConfigNode.error(node.child("timezone"), "is not a time zone: '" + tz + "'");
        }
        node.rejectUnknown();
        if (start.equals(end)) {
            throw ConfigNode.error(node.child("end"), "must differ from start");
        }
        return new MaintenanceWindow(name, match, days, start, end, zone);
    }

    private static DayOfWeek day(String path, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw ConfigNode.error(path, "has unknown day '" + text + "' (MON..SUN)");
    }

    private static LocalTime time(ConfigNode node, String key) {
        String text = node.requireString(key);
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw ConfigNode.error(
                    node.child(key), "must be a time like 02:30, got '" + text + "'");
        }
    }

    public boolean activeAt(long epochMillis) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        LocalTime t = at.toLocalTime();
        DayOfWeek day = at.getDayOfWeek();
        if (start.isBefore(end)) {
            return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
        }
        return (days.contains(day) && !t.isBefore(start))
                || (days.contains(day.minus(1)) && t.isBefore(end));
    }

    public boolean mutes(AlertView alert) {
        return activeAt(alert.time) && match.matches(alert);
    }

    @Override
    public String toString() {
        return "maintenance " + name + " " + days + " " + start + "-" + end + " " + zone;
    }
}
