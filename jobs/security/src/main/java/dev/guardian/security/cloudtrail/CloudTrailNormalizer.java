package dev.guardian.security.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One CloudTrail record (already parsed, see {@link CloudTrailRecords}) to a {@link SecurityEvent}:
 * who (actor), from where (source IP, user agent), what (service, operation, resource), the
 * outcome, region and account, with the record itself kept as {@code originalJson} for Sigma rules
 * and triage. The field choices follow the {@code json} names documented in {@code
 * SecurityEvent.avsc}, so records normalized here and by the schema codec agree.
 */
public final class CloudTrailNormalizer {

    private static final List<String> RESOURCE_PARAMETERS =
            List.of(
                    "bucketName",
                    "roleName",
                    "userName",
                    "functionName",
                    "keyId",
                    "instanceId",
                    "name");

    private CloudTrailNormalizer() {}

    /**
     * @throws InvalidCloudTrailRecordException when the record has no usable time or eventName
     */
    public static SecurityEvent normalize(JsonNode record) {
        return normalize(record, null);
    }

    /**
     * @param originalText the record's text as it arrived, kept verbatim as {@code originalJson}
     *     (null: the record written out again)
     */
    public static SecurityEvent normalize(JsonNode record, String originalText) {
        String problem = CloudTrailRecords.problem(record);
        if (problem != null) {
            throw new InvalidCloudTrailRecordException(problem);
        }
        JsonNode identity = record.path("userIdentity");
        String errorCode = text(record.get("errorCode"));
        return SecurityEvent.newBuilder()
                .setTime(eventTime(record))
                .setActor(
                        first(
                                identity.get("arn"),
                                identity.get("userName"),
                                identity.get("principalId"),
                                identity.get("invokedBy")))
                .setSourceIp(text(record.get("sourceIPAddress")))
                .setUserAgent(text(record.get("userAgent")))
                .setService(orEmpty(text(record.get("eventSource"))))
                .setOperation(record.get("eventName").textValue())
                .setOutcome(outcome(record, errorCode))
                .setRegion(text(record.get("awsRegion")))
                .setResource(resource(record))
                .setEventId(text(record.get("eventID")))
                .setAccountId(first(record.get("recipientAccountId"), identity.get("accountId")))
                .setErrorCode(errorCode)
                .setErrorMessage(text(record.get("errorMessage")))
                .setOriginalJson(originalText != null ? originalText : record.toString())
                .build();
    }

    /** {@code eventTime}, or {@code @timestamp} as Logstash-shipped records (OTRF) carry. */
    public static Instant eventTime(JsonNode record) {
        for (String field : List.of("eventTime", "@timestamp", "timestamp")) {
            JsonNode value = record.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                return Instant.ofEpochMilli(value.longValue());
            }
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(value.asText()).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new InvalidCloudTrailRecordException(
                            field + " is not an ISO-8601 time: '" + value.asText() + "'");
                }
            }
        }
        throw new InvalidCloudTrailRecordException("record has no eventTime");
    }

    /** FAILURE for an error code or a failed console login, else SUCCESS. */
    static Outcome outcome(JsonNode record, String errorCode) {
        if (errorCode != null && !errorCode.isEmpty()) {
            return Outcome.FAILURE;
        }
        String login = text(record.path("responseElements").get("ConsoleLogin"));
        if (login != null) {
            return login.equalsIgnoreCase("Success") ? Outcome.SUCCESS : Outcome.FAILURE;
        }
        return Outcome.SUCCESS;
    }

    private static String resource(JsonNode record) {
        JsonNode resources = record.get("resources");
        if (resources != null && resources.isArray() && !resources.isEmpty()) {
            String arn = first(resources.get(0).get("ARN"), resources.get(0).get("arn"));
            if (arn != null) {
                return arn;
            }
        }
        JsonNode params = record.get("requestParameters");
        if (params != null && params.isObject()) {
            for (String name : RESOURCE_PARAMETERS) {
                String value = text(params.get(name));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String first(JsonNode... values) {
        for (JsonNode value : values) {
            String text = text(value);
            if (text != null && !text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
