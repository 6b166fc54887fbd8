package org.suggestionbox.notifier.answer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest decision the notifier saw for an idea.
 *
 * @param submitterRefs the opaque references of the submitters who must have it in their inbox
 */
record Decision(UUID ideaId, UUID sourceEventId, Instant decidedAt, List<String> submitterRefs) {

    Decision {
        submitterRefs = List.copyOf(submitterRefs);
    }
}
