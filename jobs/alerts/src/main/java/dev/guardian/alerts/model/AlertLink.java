package dev.guardian.alerts.model;

import java.util.Objects;

/** A link carried with an alert or added by the router (Grafana, Elasticsearch, ClickHouse). */
public class AlertLink {

    public String href;
    public String text;

    public AlertLink() {}

    public AlertLink(String href, String text) {
        this.href = href;
        this.text = text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertLink
                && Objects.equals(href, ((AlertLink) o).href)
                && Objects.equals(text, ((AlertLink) o).text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(href, text);
    }

    @Override
    public String toString() {
        return text + " <" + href + ">";
    }
}
