package dev.guardian.logs;

import dev.guardian.schemas.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * Severity words as producers write them ({@code WARNING}, {@code SEVERE}, {@code err}...) to a
 * {@link Severity} name, with the synonyms of the {@code LogEvent} schema: one home for the
 * mapping. Unknown words are {@code UNKNOWN}.
 */
public final class SeverityNames {

    private SeverityNames() {}

    public static String of(String word) {
        if (word == null) {
            return Severity.UNKNOWN.name();
        }
        String key = word.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (Severity.getClassSchema().hasEnumSymbol(key)) {
            return key;
        }
        if (Severity.getClassSchema().getObjectProp("synonyms") instanceof Map<?, ?> synonyms
                && synonyms.get(key) instanceof String symbol) {
            return symbol;
        }
        return Severity.UNKNOWN.name();
    }
}
