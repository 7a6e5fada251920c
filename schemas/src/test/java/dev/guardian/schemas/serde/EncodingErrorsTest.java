package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.SampleRecords;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EncodingErrorsTest {

    @Test
    void requiredFieldLeftNull() {
        MetricPoint point = SampleRecords.metricPoint();
        point.setName(null);

        assertThatThrownBy(() -> RecordCodec.of(MetricPoint.class).encode(point))
                .isInstanceOf(RecordEncodingException.class)
                .hasMessageStartingWith("Cannot encode MetricPoint")
                .hasMessageContaining("name");
    }

    @Test
    void amountWithMoreDigitsThanTheSchemaKeeps() {
        BillingRecord record = SampleRecords.billingRecord();
        record.setBilledCost(new BigDecimal("0.1234567890123456789"));

        assertThatThrownBy(() -> RecordCodec.of(BillingRecord.class).encode(record))
                .isInstanceOf(RecordEncodingException.class)
                .hasMessageContaining("Cannot encode decimal with scale 19 as scale 18");
    }

    @Test
    void nonFiniteScoreHasNoJson() {
        Anomaly anomaly = SampleRecords.anomaly();
        anomaly.setScore(Double.NaN);

        assertThatThrownBy(() -> RecordCodec.of(Anomaly.class).toJson(anomaly))
                .isInstanceOf(RecordEncodingException.class)
                .hasMessageContaining("score is not finite");
    }
}
