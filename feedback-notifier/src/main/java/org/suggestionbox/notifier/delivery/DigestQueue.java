package org.suggestionbox.notifier.delivery;

import org.suggestionbox.notifier.message.Message;

/** Where messages wait for their recipient's daily digest. */
@FunctionalInterface
public interface DigestQueue {

    /** Queues nothing: for set-ups without digests. */
    DigestQueue NONE = (message, recipientRef) -> {};

    /**
     * Keeps the message (already in the recipient's language) for their next digest; queuing the
     * same message for the same recipient again changes nothing.
     *
     * @param recipientRef the recipient's opaque reference, the only identity that may be stored
     */
    void queue(Message message, String recipientRef);
}
