package dev.guardian.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.schemas.Detection;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.correlation.CorrelationResult;
import dev.guardian.security.detect.Detections;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;

/** A fired correlation rule as a {@link Detection}, with its group and window. */
public class CorrelationDetection implements MapFunction<CorrelationResult, Detection> {

    private static final long serialVersionUID = 1L;

    @Override
    public Detection map(CorrelationResult r) throws IOException {
        Map<String, String> groupBy = new HashMap<>();
        JsonNode key = CloudTrailRecords.json().readTree(r.key);
        key.fields().forEachRemaining(f -> groupBy.put(f.getKey(), f.getValue().asText()));
        Map<String, String> fields = new HashMap<>();
        fields.put("correlationType", r.type);
        fields.put("count", Long.toString(r.count));
        return Detection.newBuilder()
                .setId(idOf(r))
                .setRuleId(r.correlationId)
                .setRuleTitle(r.title)
                .setLevel(Detections.level(r.level))
                .setTags(new ArrayList<>(r.tags))
                .setTime(Instant.ofEpochMilli(r.lastTimestamp))
                .setWindowStart(Instant.ofEpochMilli(r.firstTimestamp))
                .setWindowEnd(Instant.ofEpochMilli(r.lastTimestamp))
                .setGroupBy(groupBy)
                .setMatchedEventIds(new ArrayList<>(r.eventIds))
                .setFields(fields)
                .build();
    }

    private static String idOf(CorrelationResult r) {
        return Detections.id(r.correlationId, r.key, Long.toString(r.firstTimestamp));
    }
}
