package dev.guardian.security.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a rule's {@code condition} and binds it to the compiled search identifiers: {@code and},
 * {@code or}, {@code not} (that precedence, tightest last), parentheses, and the quantifiers {@code
 * 1 of selection_*}, {@code all of selection_*}, {@code N of ...}, {@code 1 of them}, {@code all of
 * them}. {@code them} leaves out identifiers that start with an underscore, as the specification
 * says.
 */
final class ConditionParser {

    private final String source;
    private final int line;
    private final Map<String, DetectionNode> identifiers;
    private List<String> tokens;
    private int pos;

    ConditionParser(String source, int line, Map<String, DetectionNode> identifiers) {
        this.source = source;
        this.line = line;
        this.identifiers = identifiers;
    }

    DetectionNode parse(String condition) {
        if (condition.contains("|")) {
            throw new SigmaRuleException(
                    source,
                    line,
                    "aggregation in the condition ('"
                            + condition
                            + "') is the deprecated Sigma 1 syntax; write a correlation rule",
                    true);
        }
        tokens = tokenize(condition);
        pos = 0;
        if (tokens.isEmpty()) {
            throw error("the condition is empty");
        }
        DetectionNode node = orExpression();
        if (pos < tokens.size()) {
            throw error("unexpected '" + tokens.get(pos) + "' in condition '" + condition + "'");
        }
        return node;
    }

    private DetectionNode orExpression() {
        List<DetectionNode> terms = new ArrayList<>();
        terms.add(andExpression());
        while (accept("or")) {
            terms.add(andExpression());
        }
        return LogicalNode.or(terms);
    }

    private DetectionNode andExpression() {
        List<DetectionNode> terms = new ArrayList<>();
        terms.add(notExpression());
        while (accept("and")) {
            terms.add(notExpression());
        }
        return LogicalNode.and(terms);
    }

    private DetectionNode notExpression() {
        if (accept("not")) {
            return LogicalNode.not(notExpression());
        }
        return primary();
    }

    private DetectionNode primary() {
        String token = next("an identifier, 'not', a quantifier or '('");
        if (token.equals("(")) {
            DetectionNode inner = orExpression();
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("of")) {
            pos++;
            return quantifier(lower, next("an identifier pattern or 'them' after 'of'"));
        }
        if (token.equals(")") || isKeyword(lower)) {
            throw error("unexpected '" + token + "'");
        }
        DetectionNode node = identifiers.get(token);
        if (node == null) {
            throw error(
                    "the condition refers to '" + token + "', which the detection does not define");
        }
        return node;
    }

    private DetectionNode quantifier(String count, String target) {
        List<DetectionNode> matched = new ArrayList<>();
        if (target.equalsIgnoreCase("them")) {
            identifiers.forEach(
                    (name, node) -> {
                        if (!name.startsWith("_")) {
                            matched.add(node);
                        }
                    });
        } else {
            Pattern pattern = globPattern(target);
            identifiers.forEach(
                    (name, node) -> {
                        if (pattern.matcher(name).matches()) {
                            matched.add(node);
                        }
                    });
        }
        if (matched.isEmpty()) {
            throw error("'" + count + " of " + target + "' matches no search identifier");
        }
        if (count.equals("all")) {
            return LogicalNode.and(matched);
        }
        if (count.equals("any")) {
            return LogicalNode.or(matched);
        }
        try {
            int n = Integer.parseInt(count);
            if (n < 1) {
                throw error("'" + count + " of' needs a count of at least 1");
            }
            return LogicalNode.atLeast(n, matched);
        } catch (NumberFormatException e) {
            throw error("'" + count + " of': expected a number or 'all' before 'of'");
        }
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean isKeyword(String token) {
        return token.equals("and")
                || token.equals("or")
                || token.equals("not")
                || token.equals("of");
    }

    private boolean accept(String keyword) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private String next(String expected) {
        if (pos >= tokens.size()) {
            throw error("the condition ends where " + expected + " was expected");
        }
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String condition) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : condition.toCharArray()) {
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ' && !Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private SigmaRuleException error(String reason) {
        return new SigmaRuleException(source, line, reason, false);
    }
}
