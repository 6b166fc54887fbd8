package org.suggestionbox.intake.teams;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * else {@code 401}. The activity id is the idempotency key, so a repeated activity returns the same
 * idea and publishes nothing new.
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

    TeamsMessagesController(TeamsProperties properties, ChatIntake chat, Directory directory, JsonMapper jsonMapper) {
        this.verifier = new TeamsHmacVerifier(properties.securityToken());
        this.chat = chat;
        this.directory = directory;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping("/teams/messages")
    ResponseEntity<TeamsReply> message(@RequestAttribute(RawBody.ATTRIBUTE) byte[] rawBody,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        if (!verifier.isValid(authorization, rawBody)) {
            LOG.info("Refused a Teams request without a valid HMAC signature");
            chat.unverified(SubmissionChannel.TEAMS);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode activity;
        try {
            activity = jsonMapper.readTree(rawBody);
        }
        catch (JacksonException ex) {
            return ResponseEntity.badRequest().build();
        }
        Locale locale = Optional.ofNullable(text(activity, "locale")).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
        String fromId = text(activity.path("from"), "id");
        Optional<Person> person = fromId == null ? Optional.empty() : directory.findByTeamsId(fromId);
        if (person.isEmpty()) {
            LOG.info("Teams message from an account that is not in the directory; not recorded");
            return reply(chat.unknownSubmitter(SubmissionChannel.TEAMS, locale));
        }
        String activityId = text(activity, "id");
        String key = "teams-activity:" + (activityId != null ? activityId : sha256(rawBody));
        SubmissionResult result = chat.submit(person.get(),
                chat.draft(TeamsText.plain(text(activity, "text")), false), SubmissionChannel.TEAMS, key);
        return reply(chat.reply(result, person.get().preferredLocale(), USAGE));
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
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
