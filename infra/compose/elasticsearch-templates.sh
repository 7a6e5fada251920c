#!/bin/sh
# PUTs ILM policies, component templates and index templates from infra/elasticsearch, in that
# order (templates refer to policies and components); each file's name is the object's name.
# Runs in the Elasticsearch image, which has curl.
set -eu
ES="${ES_URL:-http://elasticsearch:9200}"
BASE=/guardian/infra/elasticsearch

put_dir() {
    dir="$1"
    endpoint="$2"
    for f in "$BASE/$dir"/*.json; do
        [ -e "$f" ] || continue
        name="$(basename "$f" .json)"
        echo "elasticsearch: PUT $endpoint/$name"
        curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary "@$f" "$ES/$endpoint/$name"
        echo
    done
}

put_dir ilm _ilm/policy
put_dir component-templates _component_template
put_dir templates _index_template
