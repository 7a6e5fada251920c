package dev.guardian.billing.focus;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted with {@code "}, quotes doubled inside
 * quotes, newlines allowed inside quotes. An unquoted {@code NULL} (as FOCUS exports from SQL
 * engines write it) is read as null; an unquoted empty field too.
 */
public final class CsvReader implements Closeable {

    private final BufferedReader in;
    private long line = 0;
    private long recordLine = 0;

    public CsvReader(Reader in) {
        this.in = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    }

    /** The line the last record started on, 1-based. */
    public long line() {
        return recordLine;
    }

    /** The next record, or null at the end. */
    public List<String> next() throws IOException {
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        line++;
        long startLine = line;
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String more = in.readLine();
                    if (more == null) {
                        throw new IOException(
                                "unterminated quote in the record of line " + startLine);
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                fields.add(value(field, wasQuoted));
                break;
            }
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
            i++;
        }
        return fields;
    }

    private static String value(StringBuilder field, boolean quoted) {
        String v = field.toString();
        if (!quoted && (v.isEmpty() || v.equals("NULL"))) {
            return null;
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
