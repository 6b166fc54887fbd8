package org.suggestionbox.notifier.delivery;

/** Where one delivery (event × recipient × channel) stands. */
enum DeliveryState {
    /** Claimed: a send is under way, or was interrupted before its outcome was recorded. */
    ATTEMPTED,
    SENT,
    /**
     * The last attempt failed; the next delivery of the event tries again, or, for a person's own
     * destination, the ledger's retry at {@code retryAt} (none once {@code givenUp}).
     */
    FAILED
}
