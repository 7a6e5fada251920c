package dev.guardian.billing.focus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordDecodingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads FOCUS CSV exports (header row of FOCUS column names, any order, extra {@code x_} columns
 * ignored by the schema) into {@link BillingRecord}s, through the same JSON reader the job uses:
 * every column name and value rule of {@code schemas/README.md} applies.
 */
public final class FocusCsv {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordCodec<BillingRecord> CODEC = RecordCodec.of(BillingRecord.class);

    private FocusCsv() {}

    /** A row of a FOCUS file as the JSON object a producer would send. */
    public static ObjectNode toJson(List<String> header, List<String> values) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                node.putNull(header.get(i));
            } else {
                node.put(header.get(i), v);
            }
        }
        return node;
    }

    /** One row read from a file, or why it could not be. */
    public static final class Row {
        public final long line;
        public final ObjectNode json;
        public final BillingRecord record;
        public final String error;

        Row(long line, ObjectNode json, BillingRecord record, String error) {
            this.line = line;
            this.json = json;
            this.record = record;
            this.error = error;
        }
    }

    /** Calls {@code sink} with every row of the file, in order. */
    public static void read(Path file, Consumer<Row> sink) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader csv = new CsvReader(reader)) {
            List<String> header = csv.next();
            if (header == null) {
                return;
            }
            if (!header.isEmpty() && header.get(0) != null && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            List<String> values;
            while ((values = csv.next()) != null) {
                if (values.size() == 1 && values.get(0) == null) {
                    continue; // blank line
                }
                ObjectNode json = toJson(header, values);
                try {
                    sink.accept(new Row(csv.line(), json, CODEC.decodeJson(json.toString()), null));
                } catch (RecordDecodingException e) {
                    sink.accept(new Row(csv.line(), json, null, e.getMessage()));
                }
            }
        }
    }

    /** Whether a CSV header row is FOCUS (has ChargePeriodStart and a cost column). */
    public static boolean isFocusHeader(List<String> header) {
        boolean period = false;
        boolean cost = false;
        for (String column : header) {
            String c = column == null ? "" : column.replace("_", "").toLowerCase();
            period |= c.equals("chargeperiodstart");
            cost |= c.equals("effectivecost") || c.equals("billedcost");
        }
        return period && cost;
    }
}
