package org.suggestionbox.notifier.config;

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
 * The platform's error handler, with one fix: spring-kafka 4 names dead-letter topics
 * {@code <topic>-dlt} by default, while the platform creates (and DESIGN.md documents)
 * {@code <topic>.DLT}. The destination is therefore set explicitly, same partition as the source.
 * To be hoisted into the platform's {@code KafkaEventsAutoConfiguration}, then this class goes.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DefaultErrorHandler eventErrorHandler(DeadLetterProducer deadLetterProducer, KafkaEventsProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer.template(),
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
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
