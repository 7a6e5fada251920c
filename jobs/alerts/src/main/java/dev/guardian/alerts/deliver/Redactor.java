package dev.guardian.alerts.deliver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret (and its URL-encoded form) in a text with {@code ***}. Applied to
 * every error message before it is logged or recorded: a JDK exception about a bad URI, or a
 * receiver echoing its URL, must not leak a webhook.
 */
final class Redactor {

    private final List<String> secrets = new ArrayList<>();

    void add(String secret) {
        if (secret == null || secret.length() < 4) {
            return;
        }
        secrets.add(secret);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
            secrets.add(encoded);
        }
        // Longest first, so a secret containing another is replaced whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
