package org.suggestionbox.notifier.yousaid;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Impact;

/**
 * An implemented idea colleagues may see, as the digest lists it: its title and impact, never who
 * submitted or supported it.
 *
 * @param estimated the benefit estimated when it was implemented
 * @param measured the latest benefit measured at an impact check, if one was recorded
 */
record ImplementedIdea(
        UUID ideaId,
        String title,
        Instant implementedAt,
        @Nullable Impact estimated,
        @Nullable Impact measured) {}
