package dev.guardian.logs.eval;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, optionally quoted with {@code "}, quotes inside a
 * quoted field doubled, line breaks inside quoted fields kept. Records end at LF or CRLF.
 */
public final class CsvReader {

    private final Reader in;
    private int peeked = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or {@code null} at the end of the input. */
    public List<String> next() throws IOException {
        if (peek() == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new IOException("unterminated quoted field at end of input");
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
                fieldStart = false;
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }
}
