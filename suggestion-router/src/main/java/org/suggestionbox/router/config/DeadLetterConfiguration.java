package org.suggestionbox.router.config;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.kafka.DeadLetterProducer;
import org.suggestionbox.platform.kafka.KafkaEventsProperties;
import org.suggestionbox.platform.kafka.NonRetryableEventException;

/**
 * The platform's error handler, but dead-lettering to {@code <topic>.DLT} on the same partition.
 * spring-kafka 4 changed the recoverer's default destination to {@code <topic>-dlt}, a topic nobody
 * creates or reads; until the platform names the destination itself, the router does (the platform's
 * handler steps back when a {@code CommonErrorHandler} bean exists).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DefaultErrorHandler routerErrorHandler(DeadLetterProducer deadLetterProducer, KafkaEventsProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer.template(),
                (record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackOff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(NonRetryableEventException.class, IllegalArgumentException.class,
                jakarta.validation.ValidationException.class);
        return handler;
    }
}
