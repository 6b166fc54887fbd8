package org.suggestionbox.router;

import java.util.List;
import org.suggestionbox.testing.CompleteMessageBundles;

class MessageBundlesCompleteTests implements CompleteMessageBundles {

    @Override
    public List<String> translatedLanguages() {
        return List.of("en", "he", "pl");
    }
}
