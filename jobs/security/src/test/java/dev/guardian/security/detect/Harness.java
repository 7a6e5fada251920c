package dev.guardian.security.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** A keyed harness around one detector, fed CloudTrail records built by {@link #event}. */
final class Harness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** 2024-05-01T10:00:00Z. */
    static final long T0 = 1_714_557_600_000L;

    static final long MINUTE = 60_000L;
    static final long DAY = 86_400_000L;

    private final KeyedProcessFunction<String, SecurityEvent, Detection> function;
    private final KeySelector<SecurityEvent, String> key;
    KeyedOneInputStreamOperatorTestHarness<String, SecurityEvent, Detection> harness;
    private int sequence;

    Harness(
            KeyedProcessFunction<String, SecurityEvent, Detection> function,
            KeySelector<SecurityEvent, String> key)
            throws Exception {
        this.function = function;
        this.key = key;
        this.harness = open(null);
    }

    KeyedOneInputStreamOperatorTestHarness<String, SecurityEvent, Detection> open(
            OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SecurityEvent, Detection> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), key, Types.STRING);
        h.setup(
                AvroRecordTypeInfo.forRecord(Detection.class)
                        .createSerializer(new SerializerConfigImpl()));
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** A CloudTrail record at {@code time} (fields of {@code extra} override the defaults). */
    ObjectNode event(long time, String source, String name, String user) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", "1.08");
        ObjectNode identity = e.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("principalId", "AIDA" + user.toUpperCase());
        identity.put("arn", "arn:aws:iam::111122223333:user/" + user);
        identity.put("accountId", "111122223333");
        identity.put("userName", user);
        e.put("eventTime", Instant.ofEpochMilli(time).toString());
        e.put("eventSource", source);
        e.put("eventName", name);
        e.put("awsRegion", "us-east-1");
        e.put("sourceIPAddress", "203.0.113.10");
        e.put("userAgent", "aws-cli/2.15.0 Python/3.11.6");
        e.put("eventID", "evt-" + (++sequence));
        e.put("recipientAccountId", "111122223333");
        return e;
    }

    void send(ObjectNode record) throws Exception {
        SecurityEvent e = CloudTrailNormalizer.normalize(record);
        harness.processElement(new StreamRecord<>(e, e.getTime().toEpochMilli()));
    }

    void watermark(long time) throws Exception {
        harness.processWatermark(new Watermark(time));
    }

    List<Detection> detections() {
        return harness.extractOutputValues();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
