package dev.guardian.alerts.deliver;

import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import java.util.Map;
import java.util.stream.Collectors;

/** Wording shared by the receivers' messages. */
final class Texts {

    private Texts() {}

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String number(Double value) {
        if (value == null) {
            return null;
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** "12.5 (expected 3)" or null when the alert has no value. */
    static String valueVsExpected(AlertView a) {
        String value = number(a.value);
        if (value == null) {
            return null;
        }
        String expected = number(a.expected);
        return expected == null ? value : value + " (expected " + expected + ")";
    }

    static String groupLabels(Notification n) {
        return n.groupLabels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One line naming the notification, for titles and PagerDuty summaries. */
    static String title(Notification n) {
        AlertView lead = n.lead();
        if (n.kind == NotificationKind.SUMMARY) {
            return n.summarisedCount
                    + " more notification"
                    + (n.summarisedCount == 1 ? "" : "s")
                    + " for "
                    + n.receiver
                    + " held back by its rate limit";
        }
        String title = lead == null ? n.groupKey : lead.title;
        int firing = n.firingCount();
        if (n.members.size() + n.omittedMembers > 1) {
            String group = groupLabels(n);
            int total = firing == 0 ? n.members.size() + n.omittedMembers : firing;
            String prefix =
                    "["
                            + total
                            + (firing == 0 ? " resolved" : " firing")
                            + (group.isEmpty() ? "" : " · " + group)
                            + "] ";
            return prefix + title;
        }
        return title;
    }

    static String evidence(Map<String, String> evidence, int max) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            String line = "• " + e.getKey() + ": " + e.getValue() + "\n";
            if (b.length() + line.length() > max) {
                b.append("…");
                break;
            }
            b.append(line);
        }
        return b.toString().trim();
    }
}
