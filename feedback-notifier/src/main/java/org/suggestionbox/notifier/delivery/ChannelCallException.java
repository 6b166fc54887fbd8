package org.suggestionbox.notifier.delivery;

/**
 * A call to an outside API failed. {@code retryable} says whether trying again at once may help
 * (time-outs, 429, 5xx) or not (4xx, Slack's {@code ok:false}); either way the listener's retries
 * and the dead-letter topic stay the outer guarantee. Messages never carry URLs or tokens.
 */
public class ChannelCallException extends RuntimeException {

    private final boolean retryable;

    public ChannelCallException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ChannelCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
