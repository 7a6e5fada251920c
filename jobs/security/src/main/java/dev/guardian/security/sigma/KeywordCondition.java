package dev.guardian.security.sigma;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A keyword (field-less) search: a list of values, one of which must occur in any text of the
 * event. A plain keyword matches as a substring (an implicit {@code contains}), as full-text
 * searches of Sigma backends do; with {@code all} every keyword must occur.
 */
final class KeywordCondition implements DetectionNode {

    private final List<TextMatcher> keywords;
    private final boolean all;

    KeywordCondition(List<TextMatcher> keywords, boolean all) {
        this.keywords = List.copyOf(keywords);
        this.all = all;
    }

    @Override
    public boolean test(SigmaEvent event) {
        List<String> texts = event.leaves();
        for (TextMatcher keyword : keywords) {
            boolean found = false;
            for (int i = 0; i < texts.size() && !found; i++) {
                found = keyword.matchesText(texts.get(i));
            }
            if (found && !all) {
                return true;
            }
            if (!found && all) {
                return false;
            }
        }
        return all;
    }

    @Override
    public Map<String, Set<String>> requiredValues() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "keywords " + keywords;
    }
}
