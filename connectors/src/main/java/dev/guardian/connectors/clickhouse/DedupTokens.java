package dev.guardian.connectors.clickhouse;

import java.util.regex.Pattern;

/**
 * The {@code insert_deduplication_token} of a committable: {@code
 * <prefix>-<run>-<subtask>-<checkpoint>-<sequence>}. The run id is random when a job starts fresh
 * and restored from writer state afterwards, so tokens of one job stay the same across restores
 * while a new run of the same job (same prefix) never collides with tokens still in the table's
 * deduplication window. The checkpoint number rises strictly per subtask and sequence numbers the
 * batches of one checkpoint, so no two committables of a run share a token.
 */
public final class DedupTokens {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:]{1,100}");

    private DedupTokens() {}

    public static String token(
            String prefix, String runId, int subtask, long checkpoint, int sequence) {
        return prefix + '-' + runId + '-' + subtask + '-' + checkpoint + '-' + sequence;
    }

    static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "dedup token prefix must match " + PREFIX + ", was: " + prefix);
        }
        return prefix;
    }
}
