package dev.guardian.common.cli;

/**
 * A mistake in the command line or in a configuration file. The launcher prints only the message,
 * never a stack trace, so the message must name the problem and the offending value.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
