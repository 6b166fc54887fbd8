package org.suggestionbox.intake.chat;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.suggestionbox.platform.web.RequestSizeLimitFilter;

/**
 * The chat doors' own cap, {@link RawBody#MAX_BYTES}, is the request-size limit on their paths: the platform's
 * 64 KB ({@code suggestionbox.web.max-request-size}), which holds everywhere else, would otherwise refuse a long
 * message first with a bare 413 (a page, for Slack's form posts), where the door answers in the chat that the text
 * is too long. Slack's "Send as idea" on a long message carries the text twice (plain and as rich-text blocks),
 * URL-encoded. What is larger than the cap {@link RawBody} still refuses, before any signature is computed.
 */
@Configuration(proxyBeanMethods = false)
class ChatDoorsConfiguration {

    /** The paths {@link RawBody} reads. */
    static final List<String> PATHS = List.of("/slack/**", "/teams/**");

    @Bean
    RequestSizeLimitFilter.PathLimit chatDoorsRequestSize() {
        return new RequestSizeLimitFilter.PathLimit(PATHS, DataSize.ofBytes(RawBody.MAX_BYTES));
    }
}
