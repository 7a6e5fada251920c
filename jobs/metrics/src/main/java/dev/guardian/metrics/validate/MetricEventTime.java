package dev.guardian.metrics.validate;

import dev.guardian.common.kafka.EventTimeExtractor;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import org.apache.flink.configuration.Configuration;

/**
 * Decodes and validates a point in the Kafka source to read its timestamp, and leaves the outcome
 * (the sample or the reason it failed) on the record for {@link DecodeMetricSamples}. An invalid
 * point has no event time, so a point stamped a year ahead cannot drag the watermark with it.
 */
public class MetricEventTime implements EventTimeExtractor {

    private static final long serialVersionUID = 1L;

    private final MetricPointDecoder decoder;

    public MetricEventTime(Configuration conf) {
        this.decoder = new MetricPointDecoder(conf);
    }

    @Override
    public long extract(RawRecord record) {
        try {
            MetricSample sample = decoder.decode(record, System.currentTimeMillis());
            record.decoded = sample;
            return sample.timestampMillis;
        } catch (Exception | StackOverflowError e) {
            record.decoded = e;
            return NO_TIMESTAMP;
        }
    }
}
