package org.suggestionbox.notifier.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.platform.web.Cursor;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageRequest;

/** A signed-in person's inbox, found by their opaque reference. */
@Service
class Inbox {

    private final InboxStore store;
    private final RecipientRefs refs;
    private final Clock clock;

    Inbox(InboxStore store, RecipientRefs refs, Clock clock) {
        this.store = store;
        this.refs = refs;
        this.clock = clock;
    }

    /** One page of the person's entries, newest first; reads at most {@code limit + 1}. */
    CursorPage<InboxEntry> of(String personId, PageRequest page) {
        Cursor cursor = page.decodedCursor(2);
        Instant after = cursor == null ? null : cursor.instantPart(0);
        String afterId = cursor == null ? null : cursor.uuidPart(1).toString();
        List<InboxEntry> rows = store.newestFirst(refs.of(personId), after, afterId, page.readLimit());
        return CursorPage.of(
                rows,
                page,
                entry -> Cursor.of(entry.createdAt().toString(), entry.id().toString()));
    }

    long unread(String personId) {
        return store.unread(refs.of(personId));
    }

    /** @throws InboxEntryNotFoundException when the person has no such entry */
    void markRead(String personId, UUID id) {
        if (!store.markRead(refs.of(personId), id, clock.instant())) {
            throw new InboxEntryNotFoundException(id);
        }
    }

    /** Nobody's inbox has this entry, or not the caller's. */
    static class InboxEntryNotFoundException extends RuntimeException {

        InboxEntryNotFoundException(UUID id) {
            super("No notification " + id + " in your inbox");
        }
    }
}
