package org.suggestionbox.intake.teams;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.chat.ChatIntake;
import org.suggestionbox.intake.chat.RawBody;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /teams/messages}, a Teams outgoing webhook: someone mentions "Suggestion Box" in a
 * channel, Teams posts the message activity here and shows our reply in the thread (Teams waits
 * 5 s). Needs no sign-in (a public path): the {@code Authorization: HMAC …} signature must match,
 * else {@code 401}; so must its {@code timestamp} be within {@code clock-skew} (5 minutes) of now.
 * The activity id is remembered for the replay window (24 h, in MongoDB, across instances and
 * restarts), so a repeated activity is answered with the same idea and publishes nothing new.
 * Oversized bodies were refused with 413 by {@link RawBody} before any of this, the HMAC included.
 */
@RestController
@EnableConfigurationProperties(TeamsProperties.class)
class TeamsMessagesController {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsMessagesController.class);
    private static final String USAGE = "chat.usage.teams";

    /** The reply Teams shows in the thread. */
    record TeamsReply(String type, String text) {

        static TeamsReply of(String text) {
            return new TeamsReply("message", text);
        }
    }

    private final TeamsHmacVerifier verifier;
    private final ChatIntake chat;
    private final Directory directory;
    private final JsonMapper jsonMapper;
    private final TeamsActivities activities;
    private final Clock clock;
    private final Duration clockSkew;

    TeamsMessagesController(
            TeamsProperties properties,
            ChatIntake chat,
            Directory directory,
            JsonMapper jsonMapper,
            TeamsActivities activities,
            Clock clock) {
        this.verifier = new TeamsHmacVerifier(properties.securityToken());
        this.chat = chat;
        this.directory = directory;
        this.jsonMapper = jsonMapper;
        this.activities = activities;
        this.clock = clock;
        this.clockSkew = properties.clockSkew();
    }

    @PostMapping("/teams/messages")
    ResponseEntity<TeamsReply> message(
            @RequestAttribute(RawBody.ATTRIBUTE) byte[] rawBody,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        if (!verifier.isValid(authorization, rawBody)) {
            LOG.info("Refused a Teams request without a valid HMAC signature");
            chat.unverified(SubmissionChannel.TEAMS);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode activity;
        try {
            activity = jsonMapper.readTree(rawBody);
        } catch (JacksonException ex) {
            return ResponseEntity.badRequest().build();
        }
        if (!fresh(text(activity, "timestamp"))) {
            LOG.info("Refused a Teams activity whose timestamp is missing or not within {} of now", clockSkew);
            chat.unverified(SubmissionChannel.TEAMS);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Locale locale = Optional.ofNullable(text(activity, "locale"))
                .map(Locale::forLanguageTag)
                .orElse(Locale.ENGLISH);
        String fromId = text(activity.path("from"), "id");
        Optional<Person> person = fromId == null ? Optional.empty() : directory.findByTeamsId(fromId);
        if (person.isEmpty()) {
            LOG.info("Teams message from an account that is not in the directory; not recorded");
            return reply(chat.unknownSubmitter(SubmissionChannel.TEAMS, locale));
        }
        String activityId = text(activity, "id");
        String memoryKey = activityId != null ? activityId : "sha256:" + sha256(rawBody);
        Locale replyLocale = person.get().preferredLocale();
        switch (activities.claim(memoryKey)) {
            case TeamsActivities.Claim.Answered answered -> {
                LOG.info(
                        "Teams activity seen before; answered with idea {} without publishing again",
                        answered.ideaId());
                return reply(chat.reply(
                        new SubmissionResult.Accepted(answered.ideaId(), answered.trackingUrl(), "", false, true),
                        replyLocale,
                        USAGE));
            }
            case TeamsActivities.Claim.InFlight inFlight -> {
                LOG.info("Teams activity seen before and still being handled; refused");
                return ResponseEntity.status(HttpStatus.CONFLICT).build();
            }
            case TeamsActivities.Claim.Claimed claimed -> {
                // claimed: submit below
            }
        }
        SubmissionResult result;
        try {
            result = chat.submit(
                    person.get(),
                    chat.draft(TeamsText.plain(text(activity, "text")), false),
                    SubmissionChannel.TEAMS,
                    "teams-activity:" + memoryKey);
        } catch (RuntimeException ex) {
            activities.release(memoryKey);
            throw ex;
        }
        if (result instanceof SubmissionResult.Accepted accepted) {
            activities.answered(memoryKey, accepted.ideaId(), accepted.trackingUrl());
        } else {
            activities.release(memoryKey);
        }
        return reply(chat.reply(result, replyLocale, USAGE));
    }

    /** Whether the activity's UTC {@code timestamp} is within the allowed clock skew of now. */
    private boolean fresh(@Nullable String timestamp) {
        if (timestamp == null) {
            return false;
        }
        Instant sent;
        try {
            sent = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException ex) {
            return false;
        }
        return Duration.between(sent, clock.instant()).abs().compareTo(clockSkew) <= 0;
    }

    private static ResponseEntity<TeamsReply> reply(String text) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TeamsReply.of(text));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
