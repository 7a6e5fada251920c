package dev.guardian.alerts.deliver;

import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.ReceiverType;
import dev.guardian.alerts.config.Secret;
import dev.guardian.alerts.config.SecretRef;
import java.net.URI;

/**
 * A receiver with its secrets read on this TaskManager, or the reason they could not be read (then
 * every delivery to it fails at once into the dead-letter topic, and other receivers carry on).
 */
final class ResolvedReceiver {

    final ReceiverConfig config;
    final Secret url;
    final Secret routingKey;
    final Secret authHeader;
    final URI uri;
    final String problem;

    private ResolvedReceiver(
            ReceiverConfig config,
            Secret url,
            Secret routingKey,
            Secret authHeader,
            URI uri,
            String problem) {
        this.config = config;
        this.url = url;
        this.routingKey = routingKey;
        this.authHeader = authHeader;
        this.uri = uri;
        this.problem = problem;
    }

    /** Reads the receiver's secrets; registers them with the redactor before anything else. */
    static ResolvedReceiver resolve(ReceiverConfig config, Redactor redactor) {
        Secret url;
        Secret routingKey = null;
        Secret auth = null;
        try {
            url = config.url.resolve();
            redactor.add(url.reveal());
            if (config.routingKey != null) {
                routingKey = config.routingKey.resolve();
                redactor.add(routingKey.reveal());
            }
            if (config.authHeader != null) {
                auth = config.authHeader.resolve();
                redactor.add(auth.reveal());
            }
        } catch (RuntimeException e) {
            return failed(config, "secret not available: " + e.getMessage());
        }
        URI uri;
        try {
            uri = URI.create(url.reveal());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                return failed(config, "the URL from " + config.url + " is not an http(s) URL");
            }
            if (config.url.kind() != SecretRef.Kind.PLAIN) {
                // The secret of a Slack or webhook URL is its path: a receiver or proxy that
                // echoes the path in an error must not leak it either.
                redactor.add(uri.getRawPath());
                redactor.add(uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // The message would quote the URL: say only where it came from.
            return failed(config, "the URL from " + config.url + " is not a valid URL");
        }
        return new ResolvedReceiver(config, url, routingKey, auth, uri, null);
    }

    static ResolvedReceiver failed(ReceiverConfig config, String problem) {
        return new ResolvedReceiver(config, null, null, null, null, problem);
    }

    boolean usable() {
        return problem == null;
    }

    ReceiverType type() {
        return config.type;
    }

    @Override
    public String toString() {
        return config.name + (problem == null ? "" : " (unusable: " + problem + ")");
    }
}
