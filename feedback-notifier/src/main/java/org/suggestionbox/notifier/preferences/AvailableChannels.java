package org.suggestionbox.notifier.preferences;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.NotificationChannel;

/** The channels this installation set up: the ones a person may choose. */
@Component
class AvailableChannels {

    private final ObjectProvider<NotificationChannel> channels;

    AvailableChannels(ObjectProvider<NotificationChannel> channels) {
        this.channels = channels;
    }

    Set<DeliveryChannel> all() {
        EnumSet<DeliveryChannel> available = EnumSet.noneOf(DeliveryChannel.class);
        channels.orderedStream()
                .filter(NotificationChannel::configured)
                .map(NotificationChannel::channel)
                .forEach(available::add);
        return available;
    }

    List<DeliveryChannel> ordered() {
        return List.copyOf(all());
    }
}
