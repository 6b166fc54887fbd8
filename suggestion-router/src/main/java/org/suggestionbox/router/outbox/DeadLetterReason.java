package org.suggestionbox.router.outbox;

/** Why a lifecycle event can never be published; retrying would not change it. */
public enum DeadLetterReason {

    /** Larger than the producer or the broker accepts ({@code RecordTooLargeException}). */
    TOO_LARGE,

    /** The event could not be turned into a record ({@code SerializationException}). */
    NOT_SERIALIZABLE
}
