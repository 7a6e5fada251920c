package dev.guardian.ops.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads and administration over ClickHouse's HTTP interface (no driver: a query is a POST). */
public final class ClickHouseQueries {

    private final String url;

    public ClickHouseQueries(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Runs one statement; returns the result in TabSeparated, trailing newline removed. */
    public String query(String sql) throws IOException {
        Http.Response response =
                Http.post(
                        URI.create(url + "/?default_format=TabSeparated"),
                        "text/plain; charset=utf-8",
                        sql,
                        Duration.ofMinutes(2));
        return Http.expectOk(response, "ClickHouse at " + url).strip();
    }

    /** A query returning one number. */
    public long number(String sql) throws IOException {
        String text = query(sql);
        try {
            return Long.parseLong(text.isEmpty() ? "0" : text);
        } catch (NumberFormatException e) {
            throw new IOException("not a number from ClickHouse: '" + text + "' for " + sql);
        }
    }

    public boolean ping() {
        try {
            return Http.get(URI.create(url + "/ping"), Duration.ofSeconds(3)).ok();
        } catch (IOException e) {
            return false;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
