package dev.guardian.connectors.clickhouse;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated {@code database.table} name. Names come from configuration, never from events, and
 * are checked to be plain identifiers so the one statement the client builds ({@code INSERT INTO
 * `db`.`t` FORMAT JSONEachRow}) cannot be anything else.
 */
public final class ClickHouseTableName implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,200}");

    private final String database;
    private final String table;

    public ClickHouseTableName(String database, String table) {
        this.database = check("database", database);
        this.table = check("table", table);
    }

    /** Parses {@code table} or {@code database.table}; {@code defaultDatabase} fills a gap. */
    public static ClickHouseTableName parse(String name, String defaultDatabase) {
        Objects.requireNonNull(name, "table name");
        int dot = name.indexOf('.');
        return dot < 0
                ? new ClickHouseTableName(defaultDatabase, name)
                : new ClickHouseTableName(name.substring(0, dot), name.substring(dot + 1));
    }

    private static String check(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "ClickHouse " + what + " name must match " + IDENTIFIER + ", was: " + name);
        }
        return name;
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    /** Back-quoted, for the client's insert statement. */
    public String quoted() {
        return '`' + database + "`.`" + table + '`';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClickHouseTableName
                && database.equals(((ClickHouseTableName) o).database)
                && table.equals(((ClickHouseTableName) o).table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, table);
    }

    @Override
    public String toString() {
        return database + '.' + table;
    }
}
