package org.suggestionbox.router.idea;

import java.util.UUID;

/**
 * An idea's identity: the UUID intake gave it, carried by every event about it and used as the
 * document id. {@link #of(String)} lets Spring bind it from a path variable.
 */
public record IdeaId(UUID value) {

    public IdeaId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static IdeaId of(UUID value) {
        return new IdeaId(value);
    }

    /** Parses the standard UUID text; throws {@link IllegalArgumentException} on anything else. */
    public static IdeaId of(String text) {
        return new IdeaId(UUID.fromString(text.strip()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
