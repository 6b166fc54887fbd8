package org.suggestionbox.notifier.digest;

import java.time.Instant;
import java.util.List;

/** One message in a digest, as it was written for its recipient. */
public record DigestItem(String title, String body, String link, Instant occurredAt) {

    /** The body's paragraphs. */
    public List<String> paragraphs() {
        return List.of(body.split("\n\n"));
    }
}
