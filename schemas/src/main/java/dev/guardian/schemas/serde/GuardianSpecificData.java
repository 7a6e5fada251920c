package dev.guardian.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model of Guardian's generated records: their logical-type conversions (Instant,
 * BigDecimal), and their classes trusted by name.
 *
 * <p>Avro 1.12 refuses to instantiate classes outside {@code org.apache.avro.SERIALIZABLE_PACKAGES}
 * (a JVM-wide system property). Instead of widening that for the whole JVM, this model resolves
 * exactly the generated records and enums of the {@code dev.guardian.schemas} namespace and leaves
 * every other name to Avro's checks.
 */
final class GuardianSpecificData extends SpecificData {
    static final GuardianSpecificData INSTANCE = new GuardianSpecificData();

    private static final String NAMESPACE = "dev.guardian.schemas";

    private final Map<String, Class<?>> ownClasses = new ConcurrentHashMap<>();

    private GuardianSpecificData() {
        super(GuardianSpecificData.class.getClassLoader());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        boolean named =
                schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM;
        if (named && NAMESPACE.equals(schema.getNamespace())) {
            Class<?> own = ownClasses.computeIfAbsent(schema.getFullName(), this::loadOwn);
            if (own != Void.class) {
                return own;
            }
        }
        return super.getClass(schema);
    }

    /** The generated class of that name, or Void.class if there is none. */
    private Class<?> loadOwn(String fullName) {
        try {
            Class<?> c = Class.forName(fullName, true, getClassLoader());
            return SpecificRecord.class.isAssignableFrom(c) || c.isEnum() ? c : Void.class;
        } catch (ClassNotFoundException e) {
            return Void.class;
        }
    }
}
