package org.suggestionbox.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents binary-mode attributes an event travels with, as Kafka header names and values.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}

    /**
     * @param source the producing service as a URI reference, e.g. {@code /suggestion-intake}
     */
    public static Map<String, String> of(IdeaEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, event.eventId().toString());
        headers.put(TYPE, event.cloudEventType());
        headers.put(SOURCE, source);
        headers.put(SPEC_VERSION, "1.0");
        headers.put(TIME, event.occurredAt().toString());
        headers.put(SUBJECT, event.ideaId().toString());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
