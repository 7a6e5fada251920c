package dev.guardian.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class GuardianAvroTrustTest {

    @Test
    void generatedReadersWorkOnceInstalled() throws Exception {
        GuardianAvroTrust.install();
        GuardianAvroTrust.install();

        BillingRecord record = SampleRecords.billingRecord();
        ByteBuffer bytes = record.toByteBuffer();

        assertThat(BillingRecord.fromByteBuffer(bytes)).isEqualTo(record);
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(Severity.class)).isTrue();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.io.File.class)).isFalse();
    }

    @Test
    void trustsOnlyThisPackagesRecordsAndEnums() {
        assertThat(GuardianAvroTrust.isGuardianRecord(Alert.class)).isTrue();
        assertThat(GuardianAvroTrust.isGuardianRecord(AlertSeverity.class)).isTrue();
        assertThat(GuardianAvroTrust.isGuardianRecord(Money.class)).isFalse();
        assertThat(
                        GuardianAvroTrust.isGuardianRecord(
                                org.apache.avro.generic.GenericData.Record.class))
                .isFalse();
    }
}
