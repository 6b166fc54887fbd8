package org.suggestionbox.notifier.delivery;

/**
 * A call to an outside API failed. {@code retryable} says whether trying again at once may help
 * (time-outs, 429, 5xx) or not (4xx, Slack's {@code ok:false}); either way the listener's retries
 * and the dead-letter topic stay the outer guarantee. {@code permanent} says that no later attempt
 * can help either (the destination policy refused the URL), so the delivery is given up at once.
 * Messages never carry URLs or tokens.
 */
public class ChannelCallException extends RuntimeException {

    private final boolean retryable;
    private final boolean permanent;

    public ChannelCallException(String message, boolean retryable) {
        this(message, retryable, false);
    }

    public ChannelCallException(String message, boolean retryable, boolean permanent) {
        super(message);
        this.retryable = retryable;
        this.permanent = permanent;
    }

    public ChannelCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.permanent = false;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean permanent() {
        return permanent;
    }
}
