package org.suggestionbox.platform.anonymity;

import org.jspecify.annotations.Nullable;

/**
 * What the notifier needs to answer an anonymous submitter; travels only sealed.
 *
 * @param trackingToken the token of the idea's private tracking link ({@code /track/{token}} at the
 *        router), so that every message to the submitter can carry the link; the router only ever sees
 *        its hash. Absent in identities sealed before there were tracking links.
 */
public record SealedContact(
        String personId,
        String email,
        String locale,
        @Nullable String slackId,
        @Nullable String teamsId,
        @Nullable String trackingToken) {

    /** A contact without a tracking link. */
    public SealedContact(
            String personId, String email, String locale, @Nullable String slackId, @Nullable String teamsId) {
        this(personId, email, locale, slackId, teamsId, null);
    }
}
