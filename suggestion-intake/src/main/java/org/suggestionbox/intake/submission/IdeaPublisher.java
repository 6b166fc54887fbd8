package org.suggestionbox.intake.submission;

import org.suggestionbox.events.IdeaSubmitted;

/** Where accepted ideas go: returns only once the broker acknowledged the event. */
public interface IdeaPublisher {

    /** @throws PublicationFailedException when the broker did not acknowledge the event in time */
    void publish(IdeaSubmitted event);
}
