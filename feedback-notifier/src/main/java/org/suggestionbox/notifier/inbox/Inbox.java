package org.suggestionbox.notifier.inbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.RecipientRefs;

/** A signed-in person's inbox, found by their opaque reference. */
@Service
class Inbox {

    private final InboxStore store;
    private final RecipientRefs refs;
    private final Clock clock;
    private final int pageSize;

    Inbox(InboxStore store, RecipientRefs refs, Clock clock, NotifierProperties properties) {
        this.store = store;
        this.refs = refs;
        this.clock = clock;
        this.pageSize = properties.inboxPageSize();
    }

    List<InboxEntry> of(String personId) {
        return store.newestFirst(refs.of(personId), pageSize);
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
