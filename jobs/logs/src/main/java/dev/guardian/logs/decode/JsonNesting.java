package dev.guardian.logs.decode;

/**
 * How deep a JSON text nests objects and arrays, found by scanning bytes before any parser sees
 * them: a record nested thousands of levels deep is refused with a clear reason instead of reaching
 * a recursive reader (or a parser's own, much higher, limit).
 */
public final class JsonNesting {

    private JsonNesting() {}

    /** Whether brackets outside strings ever nest deeper than {@code maxDepth}. */
    public static boolean exceeds(byte[] json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > maxDepth) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
    }
}
