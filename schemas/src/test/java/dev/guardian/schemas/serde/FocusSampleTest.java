package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Money;
import dev.guardian.schemas.SharedTestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 1,000-row FOCUS 1.0 sample (AWS, Microsoft, Oracle), each row sent as FOCUS-named JSON. */
class FocusSampleTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);

    @Test
    void everyRowDecodesWithExactAmounts() throws IOException {
        Optional<Path> csv = SharedTestData.file("billing/focus-1.0-sample/focus_sample.csv");
        assumeTrue(csv.isPresent(), "shared FOCUS sample not present");
        List<String> lines = Files.readAllLines(csv.get(), StandardCharsets.UTF_8);
        List<Cell> header = cells(lines.get(0));
        int billedCostColumn = indexOf(header, "BilledCost");

        BigDecimal expectedTotal = BigDecimal.ZERO;
        BigDecimal decodedTotal = BigDecimal.ZERO;
        List<BillingRecord> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<Cell> row = cells(line);
            ObjectNode json = NODES.objectNode();
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.get(i);
                if (cell.isNull()) {
                    json.putNull(header.get(i).text());
                } else if (cell.quoted()) {
                    json.put(header.get(i).text(), cell.text());
                } else {
                    json.put(header.get(i).text(), new BigDecimal(cell.text()));
                }
            }
            BillingRecord record = codec.decodeJson(json.toString());
            records.add(record);
            expectedTotal = expectedTotal.add(new BigDecimal(row.get(billedCostColumn).text()));
            decodedTotal = decodedTotal.add(record.getBilledCost());
            assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
        }

        assertThat(records).hasSize(1000);
        assertThat(decodedTotal).isEqualTo(Money.normalize(expectedTotal));
        assertThat(records)
                .extracting(BillingRecord::getRecordId)
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(records)
                .extracting(BillingRecord::getProviderName)
                .containsOnly("AWS", "Microsoft", "Oracle");
        assertThat(records)
                .allSatisfy(
                        r -> {
                            assertThat(r.getChargePeriodStart()).isBefore(r.getChargePeriodEnd());
                            assertThat(r.getBillingPeriodStart())
                                    .isAfterOrEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
                        });
        assertThat(records).anySatisfy(r -> assertThat(r.getTags()).containsKey("environment"));
    }

    private static int indexOf(List<Cell> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).text().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private record Cell(String text, boolean quoted) {
        boolean isNull() {
            return !quoted && (text.isEmpty() || text.equals("NULL"));
        }
    }

    /** RFC 4180 cells of one line ({@code ""} escapes a quote); unquoted NULL is SQL null. */
    private static List<Cell> cells(String line) {
        List<Cell> cells = new ArrayList<>();
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                cells.add(new Cell(sb.toString(), true));
                i++; // the comma
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                cells.add(new Cell(line.substring(i, end), false));
                i = end + 1;
            }
        }
        return cells;
    }
}
