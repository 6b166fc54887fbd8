package org.suggestionbox.platform.kafka;

/**
 * Thrown by a listener for a record that can never succeed (it breaks a contract or a domain
 * rule): the error handler sends it to the dead-letter topic at once instead of retrying.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
