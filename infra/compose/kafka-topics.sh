#!/bin/sh
# Creates the topics of infra/kafka/topics.txt: "name partitions [config=value ...]", '#' comments.
# Runs in the apache/kafka image against the broker's in-network listener.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:19092}"
TOPICS="${TOPICS_FILE:-/guardian/infra/kafka/topics.txt}"
KAFKA_TOPICS=/opt/kafka/bin/kafka-topics.sh

sed 's/#.*//' "$TOPICS" | while read -r name partitions configs; do
    [ -n "$name" ] || continue
    set --
    for c in $configs; do set -- "$@" --config "$c"; done
    "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
        --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list
