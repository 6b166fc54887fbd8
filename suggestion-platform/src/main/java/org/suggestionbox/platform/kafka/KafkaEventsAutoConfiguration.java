package org.suggestionbox.platform.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.suggestionbox.events.IdeaEvent;
import org.suggestionbox.events.Topics;

/**
 * Kafka the same way in every service: string keys, JSON events without type headers, an
 * idempotent producer with {@code acks=all}, {@link ErrorHandlingDeserializer} around the event
 * deserializer, bounded exponential retries, then the record's {@code .DLT} topic with the cause in
 * headers; while the database or the broker is away ({@link InfrastructureFailures}) the retries have no
 * limit, so an outage delays records and never dead-letters them. Listeners commit their offsets once per
 * {@code suggestionbox.kafka.commit-interval}, and a busy batch listener lingers after a small poll
 * ({@code suggestionbox.kafka.linger.*}). Topics and dead-letter topics are created with the same
 * partition count.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(KafkaEventsProperties.class)
public class KafkaEventsAutoConfiguration {

    static final String TRUSTED_PACKAGES = "org.suggestionbox.events";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventsAutoConfiguration.class);

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventProducerFactoryCustomizer() {
        return factory -> {
            factory.updateConfigs(
                    Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, Object> events = (DefaultKafkaProducerFactory<String, Object>) factory;
            events.setKeySerializer(new StringSerializer());
            events.setValueSerializer(eventSerializer());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventConsumerFactoryCustomizer() {
        return factory -> {
            JacksonJsonDeserializer<Object> events = new JacksonJsonDeserializer<>();
            events.setUseTypeHeaders(false);
            events.setTypeResolver(new EventTypeResolver());
            events.addTrustedPackages(TRUSTED_PACKAGES);
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<String, Object> consumers =
                    (DefaultKafkaConsumerFactory<String, Object>) factory;
            consumers.setKeyDeserializer(new StringDeserializer());
            consumers.setValueDeserializer(new ErrorHandlingDeserializer<>(events));
        };
    }

    /**
     * Every listener container: offsets committed once per {@code commit-interval} (a second), not after every poll,
     * and a busy batch listener lingering after a small poll ({@link BusyListenerLinger}). At a few ideas a second
     * a poll holds one record, so committing after each poll cost the broker an offset commit per record (a write to
     * its offsets topic) and the consumer a blocking round trip; every listener takes a record it has handled before
     * as already seen, so the most a crash costs is handling up to a second of records again. Pending offsets are
     * still committed when partitions are revoked or a container stops. (Boot takes one container customizer, so
     * both are here.)
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> eventListenerContainers(
            KafkaEventsProperties properties, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return container -> {
            ContainerProperties containerProperties = container.getContainerProperties();
            containerProperties.setAckMode(ContainerProperties.AckMode.TIME);
            containerProperties.setAckTime(properties.commitInterval().toMillis());
            container.setBatchInterceptor(new BusyListenerLinger(
                    properties.linger(), time, linger -> ListenerUtils.stoppableSleep(container, linger.toMillis())));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(
            KafkaTemplate<String, IdeaEvent> kafkaTemplate,
            @Value("${spring.application.name:suggestion-box}") String applicationName) {
        return new EventPublisher(kafkaTemplate, applicationName);
    }

    /**
     * Writes dead letters: the original bytes when the record could not be read, the event as
     * JSON when a listener gave up on it. Kept apart from the application's own template so that
     * Boot's auto-configured producer and template stay as they are.
     */
    @Bean(destroyMethod = "destroy")
    DeadLetterProducer deadLetterProducer(KafkaProperties kafkaProperties) {
        Map<String, Object> configs = kafkaProperties.buildProducerProperties();
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<Class<?>, Serializer<?>> byType = Map.of(
                byte[].class, new ByteArraySerializer(),
                String.class, new StringSerializer(),
                IdeaEvent.class, eventSerializer());
        return new DeadLetterProducer(new DefaultKafkaProducerFactory<>(
                configs, new DelegatingByTypeSerializer(byType, true), new DelegatingByTypeSerializer(byType, true)));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler eventErrorHandler(DeadLetterProducer deadLetterProducer, KafkaEventsProperties properties) {
        // spring-kafka 4 would name the destination <topic>-dlt; ours is <topic>.DLT, same partition
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer(
                        deadLetterProducer.template(),
                        (record, failure) ->
                                new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition())) {
                    @Override
                    public void accept(
                            ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
                        super.accept(record, consumer, withoutBatchWrapper(exception));
                    }
                };
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackOff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        // the same pauses without a limit while the database or the broker is away
        ExponentialBackOff untilItIsBack =
                new ExponentialBackOff(properties.initialBackOff().toMillis(), 2.0);
        untilItIsBack.setMaxInterval(properties.maxBackOff().toMillis());
        DefaultErrorHandler handler = new EventErrorHandler(recoverer, backOff);
        handler.setBackOffFunction(
                (record, failure) -> InfrastructureFailures.isInfrastructureFailure(failure) ? untilItIsBack : null);
        handler.addNotRetryableExceptions(
                NonRetryableEventException.class,
                IllegalArgumentException.class,
                jakarta.validation.ValidationException.class);
        handler.setRetryListeners(KafkaEventsAutoConfiguration::logWaitingForInfrastructure);
        return handler;
    }

    /**
     * A batch listener names its failed record with a {@link BatchListenerFailedException}; the dead letter's
     * exception headers name what that wraps, as a record listener's do.
     */
    static Exception withoutBatchWrapper(Exception exception) {
        if (exception instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause) {
            return cause;
        }
        if (exception instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() != null) {
            return new ListenerExecutionFailedException(
                    String.valueOf(listener.getMessage()), listener.getGroupId(), batch.getCause());
        }
        return exception;
    }

    /** One line when a record starts waiting for the infrastructure, then one every tenth attempt. */
    private static void logWaitingForInfrastructure(
            ConsumerRecord<?, ?> record, @Nullable Exception failure, int attempt) {
        if (failure != null
                && (attempt == 1 || attempt % 10 == 0)
                && InfrastructureFailures.isInfrastructureFailure(failure)) {
            LOG.warn(
                    "{}-{}@{} waits for the infrastructure (attempt {}, retried until it succeeds): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    attempt,
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
        }
    }

    @Bean
    KafkaAdmin.NewTopics suggestionBoxTopics(KafkaEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic)
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor())
                    .build());
            topics.add(TopicBuilder.name(Topics.deadLetterOf(topic))
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static JacksonJsonSerializer<Object> eventSerializer() {
        JacksonJsonSerializer<Object> serializer = new JacksonJsonSerializer<>();
        serializer.setAddTypeInfo(false);
        return serializer;
    }
}
