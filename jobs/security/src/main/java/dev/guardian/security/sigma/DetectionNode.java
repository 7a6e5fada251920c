package dev.guardian.security.sigma;

import java.util.Map;
import java.util.Set;

/** A compiled piece of a rule's detection: a field test, a selection, or the condition logic. */
interface DetectionNode {

    boolean test(SigmaEvent event);

    /**
     * Equality constraints every matching event satisfies: field name to the lower-cased values one
     * of which the field must hold. The engine indexes rules by one of them so that an event is
     * only tried against rules it can match. Empty when nothing is certain.
     */
    Map<String, Set<String>> requiredValues();
}
