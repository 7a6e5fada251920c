package dev.guardian.schemas.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Enum symbols from producers' spellings: case-insensitive, {@code -} and spaces read as {@code _},
 * then the {@code "synonyms"} map of the enum in the {@code .avsc}, then the enum's default.
 */
final class JsonSymbols {
    private JsonSymbols() {}

    static String resolve(String text, Schema enumSchema) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (enumSchema.hasEnumSymbol(key)) {
            return key;
        }
        if (enumSchema.getObjectProp("synonyms") instanceof Map<?, ?> synonyms
                && synonyms.get(key) instanceof String symbol) {
            return symbol;
        }
        if (enumSchema.getEnumDefault() != null) {
            return enumSchema.getEnumDefault();
        }
        throw new IllegalArgumentException(
                "expected one of "
                        + enumSchema.getEnumSymbols()
                        + ", got '"
                        + JsonValues.abbreviate(text)
                        + "'");
    }
}
