package dev.guardian.security;

import dev.guardian.schemas.SecurityEvent;
import java.util.List;

/**
 * What one Kafka message held: the events read from it, and for each part that could not be read
 * (the whole message, or one record of a {@code Records} envelope) the reason. Read once in the
 * source by {@link SecurityEventTime} and handed to {@link DecodeSecurityEvents}.
 *
 * @param events normalized events, in message order
 * @param rejects one exception per unreadable part, its message the reason
 */
public record SecurityMessage(List<SecurityEvent> events, List<Exception> rejects) {

    public SecurityMessage {
        events = List.copyOf(events);
        rejects = List.copyOf(rejects);
    }
}
