package org.suggestionbox.platform.anonymity;

import org.jspecify.annotations.Nullable;

/** What the notifier needs to answer an anonymous submitter; travels only sealed. */
public record SealedContact(
        String personId,
        String email,
        String locale,
        @Nullable String slackId,
        @Nullable String teamsId) {
}
