package org.suggestionbox.notifier.preferences;

import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.suggestionbox.notifier.delivery.RecipientRefs;

/**
 * Stores preferences past the checks people's input goes through, for tests whose Teams and webhook
 * URLs point at the loopback stand-ins ({@code FakeChatServers}), which no person may save.
 */
public final class PreferencesFixture {

    private PreferencesFixture() {}

    public static void storeUnchecked(ApplicationContext context, String personId, Preferences preferences) {
        context.getBean(PreferenceStore.class)
                .save(context.getBean(RecipientRefs.class).of(personId), preferences, Instant.now());
    }
}
