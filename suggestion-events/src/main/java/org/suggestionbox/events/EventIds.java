package org.suggestionbox.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same cause always yields the same id, so a retried step that
 * re-creates an event cannot make a second one.
 */
public final class EventIds {

    private EventIds() {}

    /** A name-based (type 3) UUID over the given parts, joined with '|'. */
    public static UUID derive(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            if (!name.isEmpty()) {
                name.append('|');
            }
            name.append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
