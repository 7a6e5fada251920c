#!/bin/sh
# Applies infra/clickhouse/*.sql in lexical order (every statement is idempotent: IF NOT EXISTS).
# Runs in the clickhouse/clickhouse-server image, with its clickhouse-client.
set -eu
HOST="${CLICKHOUSE_HOST:-clickhouse}"
for f in /guardian/infra/clickhouse/*.sql; do
    [ -e "$f" ] || continue
    echo "clickhouse: applying ${f#/guardian/}"
    clickhouse-client --host "$HOST" --multiquery < "$f"
done
clickhouse-client --host "$HOST" --query "SELECT database, name FROM system.tables WHERE database = 'guardian'"
