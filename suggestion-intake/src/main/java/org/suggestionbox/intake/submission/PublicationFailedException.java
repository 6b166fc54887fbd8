package org.suggestionbox.intake.submission;

/** The broker did not acknowledge an event: it is unreachable, refused it, or was too slow. */
public class PublicationFailedException extends RuntimeException {

    public PublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
