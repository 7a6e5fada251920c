package dev.guardian.common.job;

/**
 * A record that decoded but breaks a rule of its stream (a missing name, a value that is not a
 * number, a timestamp a year in the future). It goes to the dead-letter topic with this message as
 * the reason; it never fails the job.
 */
public class InvalidRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
