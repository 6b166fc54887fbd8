package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Who submitted an idea: a directory person id, or for an anonymous idea a sealed identity that
 * only the notifier can open. Exactly one of the two is present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submitter(@Nullable String personId, @Nullable SealedIdentity sealedIdentity) {

    public Submitter {
        if ((personId == null) == (sealedIdentity == null)) {
            throw new IllegalArgumentException("A submitter is either a person id or a sealed identity");
        }
    }

    public static Submitter person(String personId) {
        return new Submitter(personId, null);
    }

    public static Submitter anonymous(SealedIdentity sealedIdentity) {
        return new Submitter(null, sealedIdentity);
    }

    @JsonIgnore
    public boolean isAnonymous() {
        return sealedIdentity != null;
    }
}
