package org.suggestionbox.router.assignment;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaSubmission;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Topics;

/** Consumes {@link Topics#IDEAS_SUBMITTED}; the work happens in {@link AssignmentService}. */
@Component
class IdeasSubmittedListener {

    private final AssignmentService assignment;

    IdeasSubmittedListener(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @KafkaListener(
            id = "router-ideas-submitted",
            topics = Topics.IDEAS_SUBMITTED,
            groupId = "${spring.application.name}")
    void on(IdeaSubmission submission) {
        switch (submission) {
            case IdeaSubmitted submitted -> assignment.accept(submitted);
        }
    }
}
