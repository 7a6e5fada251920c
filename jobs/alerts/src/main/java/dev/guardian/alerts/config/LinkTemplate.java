package dev.guardian.alerts.config;

import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A link the router adds to every notification (Grafana, Elasticsearch, the ClickHouse query), with
 * placeholders filled from the lead alert, URL-encoded: {@code {fingerprint}}, {@code {entity}},
 * {@code {source}}, {@code {time_ms}}, and {@code {from_ms}}/{@code {to_ms}} (an hour before and a
 * quarter of an hour after the alert, for dashboard time ranges).
 */
public final class LinkTemplate implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String text;
    public final String href;

    public LinkTemplate(String text, String href) {
        this.text = text;
        this.href = href;
    }

    public AlertLink render(AlertView alert) {
        String h =
                href.replace("{fingerprint}", enc(alert.fingerprint))
                        .replace("{entity}", enc(alert.entity))
                        .replace("{source}", enc(alert.source))
                        .replace("{time_ms}", Long.toString(alert.time))
                        .replace("{from_ms}", Long.toString(alert.time - 3_600_000L))
                        .replace("{to_ms}", Long.toString(alert.time + 900_000L));
        return new AlertLink(h, text);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
