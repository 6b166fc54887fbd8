package org.suggestionbox.platform.outbound;

import java.nio.charset.StandardCharsets;

/**
 * What a destination answered.
 *
 * @param body at most {@code max-response-size} bytes of the answer
 * @param truncated whether the answer was longer and the rest was left unread
 */
public record OutboundResponse(int status, byte[] body, boolean truncated) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
