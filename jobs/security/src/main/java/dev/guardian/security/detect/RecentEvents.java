package dev.guardian.security.detect;

import dev.guardian.schemas.SecurityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code n} events of a key, oldest first. "At least n events within w" holds exactly when
 * the n-th most recent event is within w, so a detector never needs to keep more than n.
 */
final class RecentEvents {

    private RecentEvents() {}

    /** {@code events} plus {@code e}, in time order, trimmed to the newest {@code n}. */
    static List<SecurityEvent> add(Iterable<SecurityEvent> events, SecurityEvent e, int n) {
        List<SecurityEvent> out = new ArrayList<>();
        if (events != null) {
            events.forEach(out::add);
        }
        int i = out.size();
        while (i > 0 && out.get(i - 1).getTime().isAfter(e.getTime())) {
            i--;
        }
        out.add(i, e);
        while (out.size() > n) {
            out.remove(0);
        }
        return out;
    }

    /** The events newer than {@code now - window}. */
    static List<SecurityEvent> within(Iterable<SecurityEvent> events, long now, Duration window) {
        List<SecurityEvent> out = new ArrayList<>();
        if (events != null) {
            for (SecurityEvent e : events) {
                if (e.getTime().toEpochMilli() > now - window.toMillis()) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
