package dev.guardian.billing.generate;

import dev.guardian.schemas.BillingRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Writes billing records as a FOCUS CSV export: FOCUS column names (the schema's field names with
 * the first letter upper-cased, {@code Id} for the record id), timestamps as {@code yyyy-MM-dd
 * HH:mm:ss} UTC, amounts in plain notation, {@code Tags} as JSON text, null as {@code NULL}. The
 * job's replay and the evaluation read it back.
 */
public final class FocusCsvWriter implements AutoCloseable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final BufferedWriter out;
    private final List<Schema.Field> fields = BillingRecord.getClassSchema().getFields();

    public FocusCsvWriter(Writer out) throws IOException {
        this.out = out instanceof BufferedWriter ? (BufferedWriter) out : new BufferedWriter(out);
        StringBuilder header = new StringBuilder();
        for (Schema.Field field : fields) {
            if (header.length() > 0) {
                header.append(',');
            }
            header.append(columnName(field.name()));
        }
        this.out.write(header.toString());
        this.out.write('\n');
    }

    static String columnName(String field) {
        return field.equals("recordId")
                ? "Id"
                : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    public void write(BillingRecord record) throws IOException {
        StringBuilder line = new StringBuilder(512);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = record.get(fields.get(i).pos());
            line.append(cell(value));
        }
        out.write(line.toString());
        out.write('\n');
    }

    private static String cell(Object value) throws IOException {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant) {
            return TIME.format((Instant) value);
        }
        if (value instanceof Map) {
            return quote(JSON.writeValueAsString(value));
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
