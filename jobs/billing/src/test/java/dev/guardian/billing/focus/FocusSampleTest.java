package dev.guardian.billing.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.SharedData;
import dev.guardian.schemas.BillingRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FOCUS 1.0 sample export (shared data) reads whole through the job's decoder. */
class FocusSampleTest {

    @Test
    void everyRowOfTheFocusSampleDecodes() throws Exception {
        Path sample = SharedData.resolve("billing/focus-1.0-sample/focus_sample.csv");
        List<BillingRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        FocusCsv.read(
                sample,
                row -> {
                    if (row.record != null) {
                        records.add(row.record);
                    } else {
                        errors.add(row.line + ": " + row.error);
                    }
                });

        assertThat(errors).isEmpty();
        assertThat(records).hasSize(1000);
        BillingRecord first = records.get(0);
        assertThat(first.getRecordId()).isEqualTo("11472");
        assertThat(first.getBilledCost()).isEqualByComparingTo(new BigDecimal("0.00000080000"));
        assertThat(first.getServiceName()).isEqualTo("Amazon Simple Queue Service");
        assertThat(records.get(1).getTags()).containsEntry("environment", "dev");
    }

    @Test
    void csvQuotesNullsAndNewlines() throws Exception {
        try (CsvReader csv =
                new CsvReader(
                        new java.io.StringReader(
                                "a,\"b,\"\"c\"\"\",NULL,\"NULL\",\n\"x\ny\",2\n"))) {
            assertThat(csv.next()).containsExactly("a", "b,\"c\"", null, "NULL", null);
            assertThat(csv.next()).containsExactly("x\ny", "2");
            assertThat(csv.line()).isEqualTo(2);
            assertThat(csv.next()).isNull();
        }
    }
}
