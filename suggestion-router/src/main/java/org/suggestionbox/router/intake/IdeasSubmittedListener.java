package org.suggestionbox.router.intake;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaSubmission;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Topics;

/** Consumes {@link Topics#IDEAS_SUBMITTED}; the work happens in {@link IntakeService}. */
@Component
class IdeasSubmittedListener {

    private final IntakeService intake;

    IdeasSubmittedListener(IntakeService intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "router-ideas-submitted", topics = Topics.IDEAS_SUBMITTED, groupId = "${spring.application.name}")
    void on(IdeaSubmission submission) {
        switch (submission) {
            case IdeaSubmitted submitted -> intake.accept(submitted);
        }
    }
}
