package org.suggestionbox.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.IdeaEvent;

/**
 * Sends an event keyed by its idea id, with CloudEvents binary-mode headers. Each service wraps it
 * in one small publisher per outgoing topic.
 */
public class EventPublisher {

    private final KafkaTemplate<String, IdeaEvent> template;
    private final String source;

    public EventPublisher(KafkaTemplate<String, IdeaEvent> template, String applicationName) {
        this.template = template;
        this.source = "/" + applicationName;
    }

    /** Completes once the broker acknowledged the record ({@code acks=all}). */
    public CompletableFuture<SendResult<String, IdeaEvent>> publish(String topic, IdeaEvent event) {
        ProducerRecord<String, IdeaEvent> record =
                new ProducerRecord<>(topic, event.ideaId().toString(), event);
        CloudEventHeaders.of(event, source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return template.send(record);
    }
}
