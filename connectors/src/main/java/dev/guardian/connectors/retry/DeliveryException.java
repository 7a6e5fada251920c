package dev.guardian.connectors.retry;

import java.io.IOException;

/** A batch could not be written: the failure was not retryable, or the retries ran out. */
public class DeliveryException extends IOException {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeliveryException(String message) {
        super(message);
    }
}
