package org.suggestionbox.notifier.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.notifier.config.NotifierProperties;

/** The opaque recipient references, keyed by {@code suggestionbox.notifier.recipient-ref-key}. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    RecipientRefs recipientRefs(NotifierProperties properties) {
        return new RecipientRefs(properties.recipientRefKey());
    }
}
