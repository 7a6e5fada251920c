package dev.guardian.connectors.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientException;
import com.clickhouse.client.api.ConnectionInitiationException;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Inserts JSONEachRow lines into one table through client-v2's insert API, optionally with an
 * {@code insert_deduplication_token}. The only SQL is the client's own {@code INSERT INTO <table>
 * FORMAT JSONEachRow}; rows travel in the body.
 */
public final class ClickHouseInserter implements AutoCloseable {

    /**
     * Server error codes that are worth retrying: overload, timeouts, network, too many parts,
     * memory limit. Everything else (parse errors, unknown columns, wrong types) is a bug or a
     * schema mismatch and would fail again.
     */
    private static final Set<Integer> RETRYABLE_CODES =
            Set.of(159, 164, 202, 203, 209, 210, 241, 242, 252, 285, 319, 425, 999, 1000);

    private final Client client;
    private final ClickHouseTableName table;
    private final ClickHouseConnection connection;

    public ClickHouseInserter(ClickHouseConnection connection, ClickHouseTableName table) {
        this.connection = connection;
        this.table = table;
        this.client = connection.open();
    }

    /** Inserts the lines; {@code dedupToken} may be null. Returns the rows the server wrote. */
    public long insert(List<byte[]> lines, String dedupToken) throws Exception {
        InsertSettings settings = new InsertSettings();
        if (dedupToken != null) {
            settings.setDeduplicationToken(dedupToken);
        }
        byte[] body = JsonEachRow.concat(lines);
        try (InsertResponse response =
                client.insert(
                                table.quoted(),
                                new ByteArrayInputStream(body),
                                ClickHouseFormat.JSONEachRow,
                                settings)
                        .get(
                                connection.requestTimeout().toMillis() + 5_000,
                                TimeUnit.MILLISECONDS)) {
            return response.getWrittenRows();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    public ClickHouseTableName table() {
        return table;
    }

    public String destination() {
        return "ClickHouse " + table + " at " + connection.url();
    }

    /** Connection trouble, timeouts, overload and 5xx gateway errors are transient. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerException) {
                ServerException server = (ServerException) t;
                int http = server.getTransportProtocolCode();
                return server.isRetryable()
                        || RETRYABLE_CODES.contains(server.getCode())
                        || http == 429
                        || http == 502
                        || http == 503
                        || http == 504;
            }
            if (t instanceof ConnectionInitiationException
                    || t instanceof IOException
                    || t instanceof TimeoutException
                    || t instanceof com.clickhouse.client.api.TransportException) {
                return true;
            }
            if (t instanceof ClientException && t.getCause() == null) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
