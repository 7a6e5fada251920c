package dev.guardian.ops.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxLineProtocolTest {

    @Test
    void writesTagsAndFieldsSortedWithIntegerSuffix() {
        Map<String, Number> fields = new LinkedHashMap<>();
        fields.put("value", 12L);
        fields.put("mean", 1.5);
        String line =
                InfluxLineProtocol.line(
                        "guardian_pipeline",
                        Map.of("metric", "numRecordsIn", "job_name", "guardian-metrics"),
                        fields,
                        1_700_000_000_000L);
        assertThat(line)
                .isEqualTo(
                        "guardian_pipeline,job_name=guardian-metrics,metric=numRecordsIn"
                                + " mean=1.5,value=12i 1700000000000");
    }

    @Test
    void escapesSpacesCommasAndEqualsInTags() {
        String line =
                InfluxLineProtocol.line(
                        "m",
                        Map.of("operator_name", "Decode and validate, a=b"),
                        Map.of("value", 1.0),
                        1L);
        assertThat(line)
                .isEqualTo("m,operator_name=Decode\\ and\\ validate\\,\\ a\\=b value=1.0 1");
    }

    @Test
    void leavesOutNonFiniteFieldsAndEmptyTags() {
        Map<String, Number> fields = new LinkedHashMap<>();
        fields.put("value", Double.NaN);
        fields.put("count", 3L);
        assertThat(InfluxLineProtocol.line("m", Map.of("host", ""), fields, 5L))
                .isEqualTo("m count=3i 5");
        assertThat(InfluxLineProtocol.line("m", Map.of(), Map.of("value", Double.NaN), 5L))
                .isEmpty();
    }
}
