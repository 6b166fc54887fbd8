package org.suggestionbox.notifier.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.notifier.message.MessageKind;

/** One message in a person's in-app inbox, as the API shows it. */
record InboxEntry(
        UUID id,
        UUID ideaId,
        MessageKind kind,
        String title,
        String body,
        String link,
        Instant createdAt,
        boolean read,
        @Nullable Instant readAt) {}
