package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.common.BatchSettings;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Everything a ClickHouse sink needs besides its converter; immutable. */
public final class ClickHouseSinkSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ClickHouseConnection connection;
    private final ClickHouseTableName table;
    private final DeliveryGuarantee deliveryGuarantee;
    private final String dedupTokenPrefix;
    private final BatchSettings batch;

    ClickHouseSinkSettings(
            ClickHouseConnection connection,
            ClickHouseTableName table,
            DeliveryGuarantee deliveryGuarantee,
            String dedupTokenPrefix,
            BatchSettings batch) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.table = Objects.requireNonNull(table, "table");
        this.deliveryGuarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        this.dedupTokenPrefix = DedupTokens.checkPrefix(dedupTokenPrefix);
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    public ClickHouseConnection connection() {
        return connection;
    }

    public ClickHouseTableName table() {
        return table;
    }

    public DeliveryGuarantee deliveryGuarantee() {
        return deliveryGuarantee;
    }

    public String dedupTokenPrefix() {
        return dedupTokenPrefix;
    }

    public BatchSettings batch() {
        return batch;
    }

    @Override
    public String toString() {
        return "ClickHouseSinkSettings{"
                + connection
                + ", table="
                + table
                + ", "
                + deliveryGuarantee
                + ", dedupTokenPrefix="
                + dedupTokenPrefix
                + ", "
                + batch
                + '}';
    }
}
