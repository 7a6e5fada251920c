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

    /**
     * The severity named by the first whole upper-case word ({@code INFO}, {@code WARN}, {@code
     * SEVERE}...) among the first {@code maxChars} characters of a raw line, or null. Lower-case
     * words are prose ("error reading file"), not a level.
     */
    public static String findIn(String text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        int i = 0;
        while (i < end) {
            while (i < end && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean upper = true;
            while (i < end && Character.isLetter(text.charAt(i))) {
                upper &= text.charAt(i) >= 'A' && text.charAt(i) <= 'Z';
                i++;
            }
            if (upper && i - start >= 3 && i - start <= 11) {
                String name = of(text.substring(start, i));
                if (!Severity.UNKNOWN.name().equals(name)) {
                    return name;
                }
            }
        }
        return null;
    }
}
