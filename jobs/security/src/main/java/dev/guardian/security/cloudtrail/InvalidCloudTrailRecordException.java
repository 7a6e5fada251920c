package dev.guardian.security.cloudtrail;

/** A record that is not usable CloudTrail; the job sends it to the dead-letter topic. */
public class InvalidCloudTrailRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCloudTrailRecordException(String reason) {
        super(reason);
    }
}
