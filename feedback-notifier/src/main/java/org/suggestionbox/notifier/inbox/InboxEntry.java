package org.suggestionbox.notifier.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.notifier.message.MessageKind;

/**
 * One message in a person's in-app inbox, as the API shows it.
 *
 * @param language the language the message was written in (a BCP 47 tag, e.g. {@code he}), which can differ from
 *     the page's: a message keeps the language its recipient had when it was delivered; {@code null} for messages
 *     stored before the inbox recorded it
 */
record InboxEntry(
        UUID id,
        UUID ideaId,
        MessageKind kind,
        String title,
        String body,
        @Nullable String language,
        String link,
        Instant createdAt,
        boolean read,
        @Nullable Instant readAt) {}
