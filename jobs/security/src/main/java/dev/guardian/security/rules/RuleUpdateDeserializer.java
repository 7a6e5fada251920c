package dev.guardian.security.rules;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of the rules topic as a {@link RuleUpdate}: key = rule file name, value = its YAML; a
 * tombstone (null value) or an empty value removes the file. A record without a key names no file
 * and is skipped with a warning (a rule that does not parse is reported when it is compiled).
 */
public class RuleUpdateDeserializer implements KafkaRecordDeserializationSchema<RuleUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleUpdateDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleUpdate> out) {
        RuleUpdate update = of(record.key(), record.value());
        if (update == null) {
            LOG.warn(
                    "Rule update without a key (file name) at {}/{}@{} skipped",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        out.collect(update);
    }

    static RuleUpdate of(byte[] key, byte[] value) {
        if (key == null || key.length == 0) {
            return null;
        }
        String source = new String(key, StandardCharsets.UTF_8).strip();
        if (source.isEmpty()) {
            return null;
        }
        return value == null || value.length == 0
                ? RuleUpdate.removal(source)
                : new RuleUpdate(source, new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public TypeInformation<RuleUpdate> getProducedType() {
        return TypeInformation.of(RuleUpdate.class);
    }
}
