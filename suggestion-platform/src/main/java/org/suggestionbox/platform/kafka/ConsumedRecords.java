package org.suggestionbox.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * What a batch listener needs of a record it consumed. With the {@code ErrorHandlingDeserializer} a record
 * that could not be read arrives without a value, its failure in a header; a record listener never sees it
 * (the container hands the failure to the error handler), a batch listener must name it itself.
 */
public final class ConsumedRecords {

    /** For Spring Kafka's header reading, which logs through it when a header cannot be read. */
    private static final LogAccessor HEADER_LOG = new LogAccessor(ConsumedRecords.class);

    private ConsumedRecords() {}

    /**
     * The record's value.
     *
     * @throws DeserializationException when the value could not be read
     * @throws NonRetryableEventException when the record has no value and no failure was recorded
     */
    @SuppressWarnings("NullAway") // a value that is there is returned as it is; one that is not throws
    public static <V> V valueOf(ConsumerRecord<?, V> record) {
        V value = record.value();
        if (value != null) {
            return value;
        }
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        if (failure != null) {
            throw failure;
        }
        throw new NonRetryableEventException("Record " + where(record) + " has no value");
    }

    /** {@code topic-partition@offset}, for messages about a record. */
    public static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
