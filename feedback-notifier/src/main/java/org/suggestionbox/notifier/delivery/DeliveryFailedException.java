package org.suggestionbox.notifier.delivery;

/**
 * Some channel failed for some recipient, and it has tries left: the listener's error handler
 * retries the whole event, and the ledger makes sure that only what was not sent yet is sent.
 */
public class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message) {
        super(message);
    }
}
