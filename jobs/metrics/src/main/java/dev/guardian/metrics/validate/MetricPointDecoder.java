package dev.guardian.metrics.validate;

import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.MetricsJobOptions;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.Serializable;
import org.apache.flink.configuration.Configuration;

/** Bytes to a valid {@link MetricSample}, or an exception whose message is the reason. */
public class MetricPointDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
    private final MetricPointValidator validator;
    private final int maxRecordBytes;

    public MetricPointDecoder(Configuration conf) {
        this.validator = MetricPointValidator.from(conf);
        this.maxRecordBytes = conf.get(MetricsJobOptions.MAX_RECORD_BYTES);
    }

    public MetricSample decode(RawRecord record, long nowMillis) throws InvalidRecordException {
        if (record.size() > maxRecordBytes) {
            throw new InvalidRecordException(
                    "record is "
                            + record.size()
                            + " bytes, more than the limit of "
                            + maxRecordBytes);
        }
        if (record.size() == 0) {
            throw new InvalidRecordException("record is empty");
        }
        MetricPoint point = codec.decode(record.value);
        long timestamp = point.getTimestamp().toEpochMilli();
        validator.validate(
                point.getName(), point.getLabels(), timestamp, point.getValue(), nowMillis);
        return MetricSample.of(
                point.getName(),
                point.getLabels(),
                timestamp,
                point.getValue(),
                point.getType() == null ? null : point.getType().name(),
                point.getUnit());
    }
}
