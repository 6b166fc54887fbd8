package org.suggestionbox.platform.kafka;

import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.serializer.JacksonJsonTypeResolver;
import org.suggestionbox.events.Topics;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * Picks the sealed event interface to read a record as from its topic; the record's own
 * {@code type} property then selects the event. Type headers are never trusted.
 */
public final class EventTypeResolver implements JacksonJsonTypeResolver {

    private static final TypeFactory TYPES = TypeFactory.createDefaultInstance();

    @Override
    public JavaType resolveType(String topic, byte[] data, @Nullable Headers headers) {
        return TYPES.constructType(Topics.eventTypeOf(topic));
    }
}
