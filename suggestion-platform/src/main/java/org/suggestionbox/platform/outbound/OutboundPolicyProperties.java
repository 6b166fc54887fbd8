package org.suggestionbox.platform.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The outbound destination policy's settings.
 *
 * @param allowHttp allow plain {@code http}; unset = only under the {@code local} profile (tests and the
 *        local stack's stand-ins), never in production
 * @param allowLoopback let calls reach loopback addresses (127.0.0.0/8, ::1) after resolution: for
 *        tests and local stand-ins only. URLs that people save are refused on loopback all the same.
 * @param allowedHosts per channel ({@code teams}, {@code webhook}, {@code slack},
 *        {@code slack-response-url}) the host suffixes calls may go to; a channel missing here keeps
 *        its default ({@link OutboundPolicy#DEFAULT_ALLOWED_HOSTS}), an empty list allows every public host
 * @param connectTimeout how long a connection may take
 * @param responseTimeout how long to wait for the answer (and between two of its packets); the whole
 *        call is cut off after {@code connectTimeout} plus this
 * @param maxResponseSize how much of an answer is read; the rest is left unread and the connection closed
 */
@ConfigurationProperties("suggestionbox.outbound")
public record OutboundPolicyProperties(
        @Nullable Boolean allowHttp,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue Map<String, List<String>> allowedHosts,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("64KB") DataSize maxResponseSize) {

    public OutboundPolicyProperties {
        allowedHosts = Map.copyOf(allowedHosts);
    }

    /** The defaults, e.g. for tests. */
    public static OutboundPolicyProperties defaults() {
        return new OutboundPolicyProperties(
                null, false, Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofKilobytes(64));
    }
}
