#!/bin/sh
# Grafana's file provider loads every *.json below its path, recursively. dashboards/ also holds
# the checker (package.json, node_modules/, fixtures), so only the dashboards themselves are copied
# to the provisioned folder (dashboards/provisioning/dashboards/guardian.yaml), then Grafana starts.
set -eu
SRC=/guardian/dashboards
DEST="${GUARDIAN_DASHBOARDS_DIR:-/var/lib/grafana/dashboards/guardian}"
rm -rf "$DEST"
mkdir -p "$DEST"
for f in "$SRC"/*.json; do
    case "$(basename "$f")" in
        package.json | package-lock.json | tsconfig.json) continue ;;
    esac
    cp "$f" "$DEST/"
done
exec /run.sh "$@"
