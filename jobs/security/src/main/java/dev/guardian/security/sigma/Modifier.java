package dev.guardian.security.sigma;

import java.util.Locale;
import java.util.Optional;

/** The field modifiers of the Sigma specification ({@code field|contains|all: ...}). */
public enum Modifier {
    CONTAINS("contains"),
    STARTSWITH("startswith"),
    ENDSWITH("endswith"),
    ALL("all"),
    BASE64("base64"),
    BASE64OFFSET("base64offset"),
    WIDE("wide"),
    UTF16LE("utf16le"),
    UTF16BE("utf16be"),
    UTF16("utf16"),
    WINDASH("windash"),
    RE("re"),
    /** {@code re} sub-modifier: ignore case. */
    I("i"),
    /** {@code re} sub-modifier: {@code ^} and {@code $} match at line breaks. */
    M("m"),
    /** {@code re} sub-modifier: {@code .} matches line breaks. */
    S("s"),
    CIDR("cidr"),
    EXISTS("exists"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    NEQ("neq"),
    CASED("cased"),
    EXPAND("expand"),
    FIELDREF("fieldref");

    private final String keyword;

    Modifier(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<Modifier> byKeyword(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        for (Modifier m : values()) {
            if (m.keyword.equals(k)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
