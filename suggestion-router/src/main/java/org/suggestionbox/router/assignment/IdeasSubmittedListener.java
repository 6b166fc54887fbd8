package org.suggestionbox.router.assignment;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaSubmission;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.kafka.ConsumedRecords;
import org.suggestionbox.platform.kafka.NonRetryableEventException;

/**
 * Consumes {@link Topics#IDEAS_SUBMITTED} a poll at a time; the work happens in {@link AssignmentService},
 * one bulk write per batch. A record that can never become an idea (unreadable, or without title or
 * category) is isolated: the records before it are stored, then it is reported by its index
 * ({@link BatchListenerFailedException}), so the platform's error handler commits those, sends it alone to
 * the dead-letter topic and hands the records after it to the next call. A failure of the bulk write
 * itself is retried record by record, so it too is pinned to the one record that causes it.
 */
@Component
class IdeasSubmittedListener {

    private static final Logger LOG = LoggerFactory.getLogger(IdeasSubmittedListener.class);

    private final AssignmentService assignment;

    IdeasSubmittedListener(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @KafkaListener(
            id = "router-ideas-submitted",
            topics = Topics.IDEAS_SUBMITTED,
            groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, @Nullable Object>> records) {
        List<IdeaSubmitted> valid = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            IdeaSubmitted submitted;
            try {
                submitted = submissionIn(records.get(index));
                AssignmentService.validate(submitted);
            } catch (RuntimeException ex) {
                store(valid);
                throw new BatchListenerFailedException(String.valueOf(ex.getMessage()), ex, index);
            }
            valid.add(submitted);
        }
        store(valid);
    }

    /**
     * Stores {@code submissions} (the first ones of the batch) in one go; when that fails, one by one, so
     * the failure is reported for the record that causes it.
     */
    private void store(List<IdeaSubmitted> submissions) {
        if (submissions.isEmpty()) {
            return;
        }
        try {
            assignment.acceptAll(submissions);
        } catch (RuntimeException bulk) {
            LOG.debug(
                    "Bulk routing of {} submissions failed, routing them one by one: {}",
                    submissions.size(),
                    bulk.getMessage());
            for (int index = 0; index < submissions.size(); index++) {
                try {
                    assignment.accept(submissions.get(index));
                } catch (RuntimeException ex) {
                    throw new BatchListenerFailedException(String.valueOf(ex.getMessage()), ex, index);
                }
            }
        }
    }

    /** The submission in the record; throws when it could not be read. */
    private static IdeaSubmitted submissionIn(ConsumerRecord<String, @Nullable Object> record) {
        Object value = ConsumedRecords.valueOf(record);
        if (!(value instanceof IdeaSubmission submission)) {
            throw new NonRetryableEventException("Record " + ConsumedRecords.where(record) + " holds a "
                    + value.getClass().getSimpleName() + ", not an idea submission");
        }
        return switch (submission) {
            case IdeaSubmitted submitted -> submitted;
        };
    }
}
