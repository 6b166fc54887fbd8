package org.suggestionbox.notifier.message;

import java.util.Optional;
import org.suggestionbox.events.Submitter;

/** Finds how to reach people: directory people by id, anonymous submitters by opening their seal. */
public interface Recipients {

    /**
     * @return empty when the person is unknown (left the company); the others still hear
     * @throws IllegalArgumentException when a sealed identity cannot be opened (a broken contract)
     */
    Optional<Contact> submitter(Submitter submitter);

    Optional<Contact> person(String personId);

    /** The directory id of the person's manager; empty at the top of the organisation or for someone unknown. */
    default Optional<String> managerOf(String personId) {
        return Optional.empty();
    }
}
