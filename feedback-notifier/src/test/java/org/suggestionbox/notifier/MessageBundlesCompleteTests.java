package org.suggestionbox.notifier;

import java.util.List;
import org.suggestionbox.testing.CompleteMessageBundles;

class MessageBundlesCompleteTests implements CompleteMessageBundles {

    @Override
    public List<String> translatedLanguages() {
        // English is the base file itself; messages_en.properties is empty on purpose
        return List.of("he", "pl");
    }
}
