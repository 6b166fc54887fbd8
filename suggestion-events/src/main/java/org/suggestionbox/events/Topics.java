package org.suggestionbox.events;

import java.util.List;

/**
 * Topic names. Every record is keyed by its idea id, so all events of one idea stay in order on
 * one partition.
 */
public final class Topics {

    /** {@link IdeaSubmission} events, produced by intake, consumed by the router. */
    public static final String IDEAS_SUBMITTED = "ideas.submitted.v1";

    /** {@link IdeaLifecycleEvent} events, produced by the router, consumed by the notifier. */
    public static final String IDEAS_LIFECYCLE = "ideas.lifecycle.v1";

    /** {@link NotificationEvent} events, produced by the notifier, consumed by the router. */
    public static final String NOTIFICATIONS_DELIVERED = "notifications.delivered.v1";

    /** Suffix of the dead-letter topic that receives records that failed after retries. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(IDEAS_SUBMITTED, IDEAS_LIFECYCLE, NOTIFICATIONS_DELIVERED);

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The sealed event interface whose records travel on {@code topic}, with the dead-letter topic
     * resolved to its source.
     * @throws IllegalArgumentException for a topic that carries no Suggestion Box events
     */
    public static Class<? extends IdeaEvent> eventTypeOf(String topic) {
        String source = topic.endsWith(DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
                : topic;
        return switch (source) {
            case IDEAS_SUBMITTED -> IdeaSubmission.class;
            case IDEAS_LIFECYCLE -> IdeaLifecycleEvent.class;
            case NOTIFICATIONS_DELIVERED -> NotificationEvent.class;
            default -> throw new IllegalArgumentException("No Suggestion Box events travel on topic " + topic);
        };
    }
}
