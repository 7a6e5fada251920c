package dev.guardian.security;

import dev.guardian.common.kafka.EventTimeExtractor;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.SecurityEvent;
import java.time.Duration;

/**
 * Reads a message in the Kafka source to find its event time, so that watermarks are kept per
 * partition, and leaves what it read on the record for {@link DecodeSecurityEvents}.
 *
 * <p>A {@code Records} envelope carries many events: its time is the earliest of them, so that the
 * watermark it moves never makes one of its own events late. Events stamped further than {@code
 * maxFutureSkew} ahead of this machine's clock do not count (they are still matched): one wrong
 * clock would otherwise make every later event late. A message with no usable time leaves the
 * watermark where it is.
 */
public class SecurityEventTime implements EventTimeExtractor {

    private static final long serialVersionUID = 1L;

    private final SecurityMessageReader reader;
    private final long maxFutureSkewMillis;

    public SecurityEventTime(int maxMessageBytes, Duration maxFutureSkew) {
        this.reader = new SecurityMessageReader(maxMessageBytes);
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
    }

    @Override
    public long extract(RawRecord record) {
        SecurityMessage message = reader.read(record);
        record.decoded = message;
        return earliestPlausible(message, System.currentTimeMillis() + maxFutureSkewMillis);
    }

    static long earliestPlausible(SecurityMessage message, long latestAcceptable) {
        long earliest = Long.MAX_VALUE;
        for (SecurityEvent e : message.events()) {
            long t = e.getTime().toEpochMilli();
            if (t <= latestAcceptable) {
                earliest = Math.min(earliest, t);
            }
        }
        return earliest == Long.MAX_VALUE ? NO_TIMESTAMP : earliest;
    }
}
