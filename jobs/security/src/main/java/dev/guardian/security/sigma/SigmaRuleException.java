package dev.guardian.security.sigma;

/**
 * A rule that cannot be used, with where and why: a malformed file (bad YAML, missing detection) or
 * a construct the engine does not run (an unknown modifier, an unconfigured placeholder).
 */
public class SigmaRuleException extends RuntimeException {

    private final String source;
    private final int line;
    private final boolean unsupported;

    public SigmaRuleException(String source, int line, String reason, boolean unsupported) {
        super(reason);
        this.source = source;
        this.line = line;
        this.unsupported = unsupported;
    }

    /** The file (or other origin) of the rule. */
    public String source() {
        return source;
    }

    /** One-based line in the source, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The reason alone, without the location. */
    public String reason() {
        return super.getMessage();
    }

    /** True for valid Sigma the engine does not run, false for a malformed rule. */
    public boolean unsupported() {
        return unsupported;
    }

    @Override
    public String getMessage() {
        return source + (line > 0 ? ":" + line : "") + ": " + reason();
    }
}
