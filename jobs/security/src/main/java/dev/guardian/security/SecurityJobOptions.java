package dev.guardian.security;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Typed options of the security job. */
public final class SecurityJobOptions {

    private SecurityJobOptions() {}

    public static final ConfigOption<String> RULES_DIR =
            ConfigOptions.key("guardian.security.rules-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of Sigma rules (.yml), read when the job is built; every"
                                    + " rule that cannot run is reported with file and line.");

    public static final ConfigOption<Integer> MAX_MESSAGE_BYTES =
            ConfigOptions.key("guardian.security.max-message-bytes")
                    .intType()
                    .defaultValue(4 << 20)
                    .withDescription(
                            "Largest message (a record or a Records envelope) accepted; larger"
                                    + " ones go to the dead-letter topic.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.security.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How late events may arrive; CloudTrail delivers within minutes.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("guardian.security.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A source partition silent this long no longer holds back event time.");
}
