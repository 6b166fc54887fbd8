package org.suggestionbox.router.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.storage.IdeaStore;

/** The idea wall's search in each language the product speaks, and when it sees a new idea, on the index itself. */
class SimilarIdeasSearchTests {

    private final UUID english = UUID.randomUUID();

    private final UUID polish = UUID.randomUUID();

    private final UUID hebrew = UUID.randomUUID();

    private SimilarIdeas similar;

    @BeforeEach
    void indexIdeasInThreeLanguages() throws Exception {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        List<IdeaStore.IdeaText> texts = List.of(
                new IdeaStore.IdeaText(
                        english, "Recycling bins by the printers", "Paper waste piles up next to them.", at),
                new IdeaStore.IdeaText(
                        polish, "Nowa drukarka na drugim piętrze", "Stara drukarka ciągle się zacina.", at),
                new IdeaStore.IdeaText(hebrew, "מדפסת חדשה בקומה השנייה", "המדפסת הישנה נתקעת כל יום.", at));
        this.similar = new SimilarIdeas(texts::stream);
        this.similar.startRebuild();
        assertThat(this.similar.awaitRebuilt(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        this.similar.close();
    }

    @Test
    void englishWordsAreFoundByTheirStem() {
        assertThat(similar.search("printer", 10)).containsExactly(english);
        assertThat(similar.search("recycle bin", 10)).containsExactly(english);
    }

    @Test
    void polishWordsAreFoundInAnyInflectedForm() {
        assertThat(similar.search("drukarki", 10)).containsExactly(polish);
        assertThat(similar.search("drukarkę zacina", 10)).containsExactly(polish);
    }

    @Test
    void hebrewWordsAreFoundWholeInTitleAndDescription() {
        assertThat(similar.search("מדפסת", 10)).containsExactly(hebrew);
        assertThat(similar.search("השנייה נתקעת", 10)).containsExactly(hebrew);
        // whole words only: neither the start of a word nor a word without the preposition attached to it ("בקומה")
        assertThat(similar.search("מדפ", 10)).isEmpty();
        assertThat(similar.search("קומה", 10)).isEmpty();
    }

    @Test
    void everyWordMustMatchInOneIdea() {
        assertThat(similar.search("printer מדפסת", 10)).isEmpty();
        assertThat(similar.search("printer nothing-like-it", 10)).isEmpty();
    }

    @Test
    void aDraftIsLikeAnIdeaOnlyWithTwoWordsInCommon() {
        // "bins" alone: bins for umbrellas are not bins for paper
        assertThat(similar.similarToText("Umbrella bins at the entrance", 5)).isEmpty();
        assertThat(similar.similarToText("Recycling bins for the paper", 5)).containsExactly(english);
        assertThat(similar.similarToText("Zepsuta drukarka na parterze", 5)).isEmpty();
        assertThat(similar.similarToText("Stara drukarka się zacina", 5)).containsExactly(polish);
    }

    @Test
    void anIdeaAddedIsFoundByTheNextRead() {
        UUID id = UUID.randomUUID();
        similar.add(Idea.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                id,
                Instant.parse("2026-12-02T09:00:00Z"),
                IdeaSubmitted.SCHEMA_VERSION,
                "An espresso machine for the kitchen",
                "The capsule machine is broken twice a week.",
                "facilities",
                SubmissionChannel.WEB,
                Submitter.person("alice"),
                "Facilities",
                "en",
                List.of())));

        // no waiting for a timer: the read reopens the searcher on what was added
        assertThat(similar.search("espresso", 10)).containsExactly(id);
        assertThat(similar.similarToText("espresso machine capsules", 10)).containsExactly(id);
        assertThat(similar.search("printer", 10)).containsExactly(english);
    }
}
