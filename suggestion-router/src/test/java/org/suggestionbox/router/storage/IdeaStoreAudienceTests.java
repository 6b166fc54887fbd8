package org.suggestionbox.router.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.router.idea.Audience;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.Viewer;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/** An idea's audience in the store: kept in flat fields, absent on old documents, which read as private. */
@SpringBootTest(classes = IdeaStore.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
@SuggestionBoxInfrastructure
class IdeaStoreAudienceTests {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(SUBMITTED_AT.plusSeconds(60), ZoneOffset.UTC);

    @Autowired
    IdeaStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theAudienceIsSavedInFlatFieldsAndReadBack() {
        Idea idea = companyNamedIdea();
        idea.support(new Viewer("piotr", false));
        idea.support(new Viewer("jan", false));
        idea.agreeToBeNamed("noa");

        store.insert(idea);
        Document raw = mongo.findById(idea.id().value(), Document.class, IdeaStore.COLLECTION);

        assertThat(raw).isNotNull();
        assertThat(raw.getString("visibility")).isEqualTo("COMPANY_NAMED");
        assertThat(raw.getList("supporterIds", String.class)).containsExactly("piotr", "jan");
        assertThat(raw.getInteger("supportCount")).isEqualTo(2);
        assertThat(raw.getList("namedCoSubmitterIds", String.class)).containsExactly("noa");
        assertThat(store.find(idea.id()).orElseThrow().audience())
                .isEqualTo(new Audience(Visibility.COMPANY_NAMED, List.of("piotr", "jan"), List.of("noa")));
    }

    @Test
    void anIdeaStoredBeforeVisibilityExistedIsPrivateWithoutSupporters() {
        UUID id = UUID.randomUUID();
        Document submitter = new Document();
        mongo.getConverter().write(Submitter.person("piotr"), submitter);
        submitter.remove("_class");
        mongo.insert(
                new Document("_id", id)
                        .append("version", 2L)
                        .append("state", "ASSIGNED")
                        .append("title", "From before visibility")
                        .append("description", "Stored by an earlier version.")
                        .append("category", "operations")
                        .append("channel", "WEB")
                        .append("submitters", List.of(submitter))
                        .append("submittedAt", Date.from(SUBMITTED_AT))
                        .append("ownerId", "jan")
                        .append("ownerName", "Jan Kowalski"),
                IdeaStore.COLLECTION);

        Idea idea = store.find(new IdeaId(id)).orElseThrow();

        assertThat(idea.audience()).isEqualTo(Audience.of(Visibility.PRIVATE));
        assertThat(idea.visibleTo(new Viewer("alice", false))).isFalse();
        assertThat(store.findVisiblePage(
                        new Viewer("alice", false),
                        new IdeaStore.WallFilter(null, null, null, List.of(id)),
                        null,
                        null,
                        10))
                .isEmpty();
        assertThat(store.findVisiblePage(
                        new Viewer("piotr", false),
                        new IdeaStore.WallFilter(null, null, null, List.of(id)),
                        null,
                        null,
                        10))
                .extracting(Idea::id)
                .containsExactly(new IdeaId(id));
    }

    private static Idea companyNamedIdea() {
        Idea idea = Idea.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SUBMITTED_AT,
                IdeaSubmitted.SCHEMA_VERSION,
                "Shared parking spots",
                "Described in enough words.",
                "workplace",
                SubmissionChannel.WEB,
                Submitter.person("alice"),
                "Customer Service",
                "en",
                List.of("noa"),
                null,
                Visibility.COMPANY_NAMED));
        idea.assign(
                new Owner("maya", "Maya Rosen"),
                "cx-owner",
                RoutedBecause.toOwner("cx-owner", List.of(), "Maya Rosen"),
                SUBMITTED_AT.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MILLIS),
                CLOCK);
        return idea;
    }
}
