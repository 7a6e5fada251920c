package dev.guardian.connectors.clickhouse;

import java.util.Arrays;
import java.util.Objects;

/**
 * One batch of rows prepared at a checkpoint and inserted by the committer once the checkpoint
 * completes: the JSONEachRow body and the {@code insert_deduplication_token} that makes a second
 * insert of it (a commit retried after a failure) a no-op in ClickHouse.
 */
public final class ClickHouseCommittable {

    private final String dedupToken;
    private final int rowCount;
    private final byte[] body;

    public ClickHouseCommittable(String dedupToken, int rowCount, byte[] body) {
        this.dedupToken = Objects.requireNonNull(dedupToken, "dedupToken");
        this.rowCount = rowCount;
        this.body = Objects.requireNonNull(body, "body");
    }

    public String dedupToken() {
        return dedupToken;
    }

    public int rowCount() {
        return rowCount;
    }

    /** JSONEachRow lines; not copied, do not modify. */
    public byte[] body() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClickHouseCommittable)) {
            return false;
        }
        ClickHouseCommittable that = (ClickHouseCommittable) o;
        return rowCount == that.rowCount
                && dedupToken.equals(that.dedupToken)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return dedupToken.hashCode();
    }

    @Override
    public String toString() {
        return "ClickHouseCommittable{"
                + dedupToken
                + ", rows="
                + rowCount
                + ", bytes="
                + body.length
                + '}';
    }
}
