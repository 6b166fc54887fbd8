package org.suggestionbox.notifier.delivery;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.suggestionbox.events.DeliveryChannel;

/** The channels each person chose (the in-app inbox is always on: it is the record of what they were told). */
@FunctionalInterface
public interface ChannelChoices {

    /** What someone who never chose hears on: inbox, e-mail and Slack (where Slack is set up and knows them). */
    Set<DeliveryChannel> DEFAULT =
            Set.copyOf(EnumSet.of(DeliveryChannel.IN_APP, DeliveryChannel.EMAIL, DeliveryChannel.SLACK));

    /** Everyone hears on every channel that reaches them. */
    ChannelChoices ALL = recipientRef -> EnumSet.allOf(DeliveryChannel.class);

    Set<DeliveryChannel> chosenBy(String recipientRef);

    /**
     * Whether the person prefers a daily digest to one message each for what they hear as owner or
     * manager (submitters always hear at once).
     */
    default boolean digest(String recipientRef) {
        return false;
    }

    /**
     * Runs {@code work} (a poll's messages, composed and delivered) reading each person's choices at most
     * once: choices changed meanwhile count from the next call.
     */
    default <T> T remembering(Supplier<T> work) {
        return work.get();
    }

    /**
     * Within {@link #remembering}, reads the choices of all of {@code recipientRefs} at once, so that asking for
     * each of them afterwards costs nothing; elsewhere, and by default, nothing.
     */
    default void readAhead(Collection<String> recipientRefs) {}
}
