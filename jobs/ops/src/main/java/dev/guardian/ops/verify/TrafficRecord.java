package dev.guardian.ops.verify;

/** One Kafka record to send: key, value, and a partition ({@code -1}: by key). */
public record TrafficRecord(byte[] key, byte[] value, int partition) {

    public static TrafficRecord keyed(byte[] key, byte[] value) {
        return new TrafficRecord(key, value, -1);
    }
}
