package dev.guardian.security.sigma;

/**
 * Why a rule was not loaded: where ({@code source}, one-based {@code line}, 0 when unknown) and
 * why, and whether the rule is malformed or valid Sigma that the engine does not run.
 */
public record RuleProblem(String source, int line, String reason, boolean unsupported) {

    static RuleProblem of(SigmaRuleException e) {
        return new RuleProblem(e.source(), e.line(), e.reason(), e.unsupported());
    }

    @Override
    public String toString() {
        return source
                + (line > 0 ? ":" + line : "")
                + ": "
                + (unsupported ? "unsupported: " : "error: ")
                + reason;
    }
}
