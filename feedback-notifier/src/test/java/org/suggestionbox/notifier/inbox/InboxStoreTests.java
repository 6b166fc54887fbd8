package org.suggestionbox.notifier.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.notifier.message.MessageKind;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/** The inbox's queries against the MongoDB-wire server, with nothing but the store and Spring Data. */
@DataMongoTest
@SuggestionBoxInfrastructure
@Import(InboxStore.class)
class InboxStoreTests {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    InboxStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void entriesComeNewestFirstAndPageAfterTheLastOneSeen() {
        // given: three entries a minute apart, and someone else's
        String ref = "ref-" + UUID.randomUUID();
        InboxEntry oldest = entry(NOON);
        InboxEntry middle = entry(NOON.plus(1, ChronoUnit.MINUTES));
        InboxEntry newest = entry(NOON.plus(2, ChronoUnit.MINUTES));
        store.add(ref, middle);
        store.add(ref, newest);
        store.add(ref, oldest);
        store.add("someone-else-" + UUID.randomUUID(), entry(NOON.plus(3, ChronoUnit.MINUTES)));

        // when
        List<InboxEntry> first = store.newestFirst(ref, null, null, 2);
        InboxEntry last = first.getLast();
        List<InboxEntry> second =
                store.newestFirst(ref, last.createdAt(), last.id().toString(), 2);

        // then
        assertThat(first).extracting(InboxEntry::id).containsExactly(newest.id(), middle.id());
        assertThat(second).extracting(InboxEntry::id).containsExactly(oldest.id());
    }

    @Test
    void theSameEntryAddedTwiceIsThereOnce() {
        String ref = "ref-" + UUID.randomUUID();
        InboxEntry entry = entry(NOON);

        store.add(ref, entry);
        store.add(ref, entry);

        assertThat(store.newestFirst(ref, null, null, 10)).hasSize(1);
        assertThat(store.unread(ref)).isEqualTo(1);
    }

    @Test
    void anEntryKeepsTheLanguageItWasWrittenInAndOneStoredBeforeHasNone() {
        String ref = "ref-" + UUID.randomUUID();
        InboxEntry hebrew = entry(NOON);
        hebrew = new InboxEntry(
                hebrew.id(),
                hebrew.ideaId(),
                hebrew.kind(),
                "הרעיון שלך נדחה",
                "לא השנה.",
                "he",
                hebrew.link(),
                hebrew.createdAt(),
                false,
                null);
        store.add(ref, hebrew);
        UUID before = UUID.randomUUID();
        mongo.insert(
                new Document("_id", before.toString())
                        .append("recipientRef", ref)
                        .append("ideaId", UUID.randomUUID().toString())
                        .append("kind", MessageKind.IDEA_DECLINED.name())
                        .append("title", "Declined")
                        .append("body", "Not this year.")
                        .append("link", "http://localhost:8082/ideas/x")
                        .append("createdAt", Date.from(NOON.minusSeconds(60)))
                        .append("read", false),
                InboxStore.COLLECTION);

        assertThat(store.newestFirst(ref, null, null, 10))
                .extracting(InboxEntry::id, InboxEntry::language)
                .containsExactly(tuple(hebrew.id(), "he"), tuple(before, null));
    }

    @Test
    void onlyTheRecipientCanMarkHerEntryRead() {
        String ref = "ref-" + UUID.randomUUID();
        InboxEntry entry = entry(NOON);
        store.add(ref, entry);

        assertThat(store.markRead("someone-else", entry.id(), NOON)).isFalse();
        assertThat(store.unread(ref)).isEqualTo(1);
        assertThat(store.markRead(ref, entry.id(), NOON.plusSeconds(5))).isTrue();

        assertThat(store.unread(ref)).isZero();
        assertThat(store.newestFirst(ref, null, null, 10))
                .singleElement()
                .satisfies(read -> assertThat(read.readAt()).isEqualTo(NOON.plusSeconds(5)));
    }

    private static InboxEntry entry(Instant createdAt) {
        UUID ideaId = UUID.randomUUID();
        return new InboxEntry(
                UUID.randomUUID(),
                ideaId,
                MessageKind.IDEA_DECLINED,
                "Declined",
                "Not this year.",
                "en",
                "http://localhost:8082/ideas/" + ideaId,
                createdAt,
                false,
                null);
    }
}
