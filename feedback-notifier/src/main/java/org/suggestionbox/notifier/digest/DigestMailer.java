package org.suggestionbox.notifier.digest;

/** Sends a digest by e-mail (the e-mail channel does). */
@FunctionalInterface
public interface DigestMailer {

    /** Sends the digest or throws. */
    void send(Digest digest);
}
