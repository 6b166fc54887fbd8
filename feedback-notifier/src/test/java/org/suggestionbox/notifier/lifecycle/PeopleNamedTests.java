package org.suggestionbox.notifier.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;

/** Whose choices a poll reads together before composing: owners and named submitters, never an anonymous one. */
class PeopleNamedTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final List<Submitter> SUBMITTERS =
            List.of(Submitter.person("piotr"), Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk")));

    @Test
    void anAssignmentNamesItsOwnerAndItsNamedSubmitters() {
        IdeaAssigned assigned = new IdeaAssigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                "workplace",
                SUBMITTERS,
                "maya",
                "Maya Rosen",
                "workplace",
                "You own the workplace category",
                NOW);

        assertThat(LifecycleNotifications.peopleNamed(assigned)).containsExactly("maya", "piotr");
    }

    @Test
    void aReassignmentAndAnEscalationNameBothOwnersAReminderOnlyItsOwner() {
        IdeaReassigned reassigned = new IdeaReassigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                SUBMITTERS,
                "maya",
                "jan",
                "Jan Kowalski",
                "maya left",
                NOW);
        AnswerEscalated escalated = new AnswerEscalated(
                UUID.randomUUID(), UUID.randomUUID(), NOW, 1, "Quieter office", SUBMITTERS, "jan", "lea", NOW, NOW);
        AnswerReminderDue reminder = new AnswerReminderDue(
                UUID.randomUUID(), UUID.randomUUID(), NOW, 1, "Quieter office", "jan", ReminderPoint.HALF_TIME, NOW);

        assertThat(LifecycleNotifications.peopleNamed(reassigned)).containsExactly("jan", "maya", "piotr");
        assertThat(LifecycleNotifications.peopleNamed(escalated)).containsExactly("jan", "lea", "piotr");
        assertThat(LifecycleNotifications.peopleNamed(reminder)).containsExactly("jan");
    }
}
