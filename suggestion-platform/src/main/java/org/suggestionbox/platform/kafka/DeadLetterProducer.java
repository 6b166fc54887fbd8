package org.suggestionbox.platform.kafka;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The producer behind dead-letter publishing, closed with the application context. */
public final class DeadLetterProducer {

    private final DefaultKafkaProducerFactory<Object, Object> factory;
    private final KafkaTemplate<Object, Object> template;

    DeadLetterProducer(DefaultKafkaProducerFactory<Object, Object> factory) {
        this.factory = factory;
        this.template = new KafkaTemplate<>(factory);
    }

    public KafkaTemplate<Object, Object> template() {
        return template;
    }

    void destroy() {
        factory.destroy();
    }
}
