package org.suggestionbox.notifier.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailFrom the sender address of every e-mail
 * @param recipientRefKey HMAC key of the opaque recipient references (ledger, inbox, proof events)
 * @param timeZone the zone in which deadlines are shown as calendar days
 * @param publishTimeout how long a proof event may wait for the broker's acknowledgement
 * @param proofSweepInterval how often sent-but-unproven deliveries are looked for
 * @param proofSweepGrace how old such a delivery must be before the sweep takes it over
 * @param smtpConnections over how many SMTP connections a batch's mails are sent at once, and how many are kept
 *     open for the next mails
 */
@ConfigurationProperties("suggestionbox.notifier")
public record NotifierProperties(
        String mailFrom,
        String recipientRefKey,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("5s") Duration proofSweepInterval,
        @DefaultValue("10s") Duration proofSweepGrace,
        @DefaultValue("4") int smtpConnections) {}
