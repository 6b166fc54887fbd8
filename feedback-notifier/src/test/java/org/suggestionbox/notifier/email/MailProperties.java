package org.suggestionbox.notifier.email;

import java.time.Duration;
import java.time.ZoneOffset;
import org.suggestionbox.notifier.config.NotifierProperties;

/** The notifier's settings as the e-mail tests need them: a sender address and how many SMTP connections to keep. */
final class MailProperties {

    private MailProperties() {}

    static NotifierProperties keeping(int smtpConnections) {
        return new NotifierProperties(
                "from@example",
                "key",
                ZoneOffset.UTC,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                smtpConnections);
    }
}
