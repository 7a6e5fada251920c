package dev.guardian.logs;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gives each decoded line its own time as its Flink timestamp, forwarding the watermarks of the
 * Kafka source unchanged (an {@code assignTimestampsAndWatermarks} here would replace the
 * per-partition watermarks by one over the interleaved partitions). The source already stamped
 * records with the same time where it could read it; this covers JSON arrays and the lines whose
 * time the decoder had to repair.
 */
public class StampLineTime extends AbstractStreamOperator<LogRecord>
        implements OneInputStreamOperator<LogRecord, LogRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<LogRecord> element) {
        output.collect(element.replace(element.getValue(), element.getValue().timestampMillis));
    }
}
