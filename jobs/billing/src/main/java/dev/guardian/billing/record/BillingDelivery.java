package dev.guardian.billing.record;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.BillingRecord;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A validated billing record as delivered: the record (with its stable id filled in) and when it
 * was delivered. The delivery time orders restatements of one record id: the table keeps, and the
 * rollups count, the latest delivery. A Flink POJO whose record travels as Avro, never Kryo.
 */
@TypeInfo(BillingDelivery.TypeFactory.class)
public class BillingDelivery {

    /** Kafka timestamp of the delivery in epoch millis: the record's version. */
    public long deliveredAt;

    public BillingRecord record;

    public BillingDelivery() {}

    public BillingDelivery(long deliveredAt, BillingRecord record) {
        this.deliveredAt = deliveredAt;
        this.record = record;
    }

    @Override
    public String toString() {
        return record.getRecordId() + " v" + deliveredAt;
    }

    /** POJO type information with the record field as {@link AvroRecordTypeInfo}. */
    public static class TypeFactory extends TypeInfoFactory<BillingDelivery> {
        @Override
        public TypeInformation<BillingDelivery> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            Map<String, TypeInformation<?>> fields = new HashMap<>();
            fields.put("deliveredAt", Types.LONG);
            fields.put("record", AvroRecordTypeInfo.forRecord(BillingRecord.class));
            return Types.POJO(BillingDelivery.class, fields);
        }
    }
}
