package dev.guardian.traffic.kafka;

import java.util.Locale;

/** How points are written to the topic; the jobs read both. */
public enum WireFormat {
    /** Avro single-object encoding, Guardian's own format. */
    AVRO,
    /** One JSON object per message, as producers in the wild send. */
    JSON;

    public static WireFormat fromCliName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be avro or json, got '" + name + "'");
        }
    }
}
