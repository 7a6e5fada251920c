package dev.guardian.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro's own readers instantiate Guardian's generated records.
 *
 * <p>Avro 1.12 refuses to create classes outside a JVM-wide allow list, so Avro's readers fail on
 * these records with "Forbidden dev.guardian.schemas.X! This class is not trusted": the generated
 * {@code fromByteBuffer}, and flink-avro's {@code AvroSerializer} when records travel between
 * operators. {@code RecordCodec} does not need this (it names the classes itself). Call {@link
 * #install()} before such a reader runs in that JVM (job {@code main} and the function's {@code
 * open()}), or start the JVMs with {@code
 * -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.guardian.schemas}.
 */
public final class GuardianAvroTrust {
    private static final String PACKAGE = "dev.guardian.schemas";

    private GuardianAvroTrust() {}

    /** Adds this package's records and enums to Avro's global allow list. Idempotent. */
    public static synchronized void install() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (!(current instanceof TrustingGuardianRecords)) {
            ClassSecurityValidator.setGlobal(new TrustingGuardianRecords(current));
        }
    }

    /** Whether {@code type} is one of the records or enums generated into this package. */
    public static boolean isGuardianRecord(Class<?> type) {
        return PACKAGE.equals(type.getPackageName())
                && (SpecificRecord.class.isAssignableFrom(type) || type.isEnum());
    }

    private record TrustingGuardianRecords(ClassSecurityPredicate others)
            implements ClassSecurityPredicate {
        @Override
        public boolean isTrusted(Class<?> type) {
            return isGuardianRecord(type) || others.isTrusted(type);
        }

        @Override
        public void forbiddenClass(String className) {
            others.forbiddenClass(className);
        }
    }
}
