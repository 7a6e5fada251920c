package dev.guardian.metrics.validate;

import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.metrics.MetricsJobOptions;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * The rules a decoded metric point must pass before it reaches state or a table. Each failure names
 * the field and the limit, because the reason is what an operator reads in the dead-letter topic.
 */
public class MetricPointValidator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxLabels;
    private final int maxLabelValueLength;
    private final int maxNameLength;
    private final long maxFutureSkewMillis;
    private final long maxPastAgeMillis;

    public MetricPointValidator(
            int maxLabels,
            int maxLabelValueLength,
            int maxNameLength,
            long maxFutureSkewMillis,
            long maxPastAgeMillis) {
        this.maxLabels = maxLabels;
        this.maxLabelValueLength = maxLabelValueLength;
        this.maxNameLength = maxNameLength;
        this.maxFutureSkewMillis = maxFutureSkewMillis;
        this.maxPastAgeMillis = maxPastAgeMillis;
    }

    public static MetricPointValidator from(Configuration conf) {
        return new MetricPointValidator(
                conf.get(MetricsJobOptions.MAX_LABELS),
                conf.get(MetricsJobOptions.MAX_LABEL_VALUE_LENGTH),
                conf.get(MetricsJobOptions.MAX_NAME_LENGTH),
                conf.get(MetricsJobOptions.MAX_FUTURE_SKEW).toMillis(),
                conf.get(MetricsJobOptions.MAX_PAST_AGE).toMillis());
    }

    public void validate(
            String name,
            Map<String, String> labels,
            long timestampMillis,
            double value,
            long nowMillis)
            throws InvalidRecordException {
        if (name == null || name.isBlank()) {
            throw new InvalidRecordException("metric name is missing or blank");
        }
        checkName("metric name", name);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidRecordException(
                    "value of " + name + " is not a finite number: " + value);
        }
        if (timestampMillis > nowMillis + maxFutureSkewMillis) {
            throw new InvalidRecordException(
                    "timestamp "
                            + java.time.Instant.ofEpochMilli(timestampMillis)
                            + " is more than "
                            + maxFutureSkewMillis / 1000
                            + " s in the future");
        }
        if (timestampMillis < nowMillis - maxPastAgeMillis) {
            throw new InvalidRecordException(
                    "timestamp "
                            + java.time.Instant.ofEpochMilli(timestampMillis)
                            + " is more than "
                            + maxPastAgeMillis / 3_600_000
                            + " h in the past");
        }
        if (labels == null) {
            return;
        }
        if (labels.size() > maxLabels) {
            throw new InvalidRecordException(
                    name
                            + " has "
                            + labels.size()
                            + " labels, more than the limit of "
                            + maxLabels);
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey();
            if (key == null || key.isEmpty()) {
                throw new InvalidRecordException(name + " has a label with an empty name");
            }
            checkName("label name", key);
            String labelValue = label.getValue();
            if (labelValue == null) {
                throw new InvalidRecordException(name + " label " + key + " has no value");
            }
            if (labelValue.length() > maxLabelValueLength) {
                throw new InvalidRecordException(
                        name
                                + " label "
                                + key
                                + " value is "
                                + labelValue.length()
                                + " characters, more than the limit of "
                                + maxLabelValueLength);
            }
        }
    }

    private void checkName(String what, String name) throws InvalidRecordException {
        if (name.length() > maxNameLength) {
            throw new InvalidRecordException(
                    what + " is " + name.length() + " characters, more than " + maxNameLength);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidRecordException(what + " contains a control character");
            }
        }
    }
}
