package org.suggestionbox.intake.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;

/**
 * Matches a Slack user to a directory employee: by the Slack id the directory holds, else by the
 * e-mail address Slack's {@code users.info} reports (needs the {@code users:read.email} scope). What
 * {@code users.info} said, an address or that there is none, is remembered for a short while in a
 * bounded map, so a burst of commands costs one Web API call; a failed call is not remembered.
 */
@Component
class SlackUsers {

    private static final Logger LOG = LoggerFactory.getLogger(SlackUsers.class);

    /** What Slack said about a user: the e-mail address, or null when it has none (or hides it). */
    private record Looked(@Nullable String email, Instant expires) {}

    private final Slack slack;
    private final Directory directory;
    private final SlackProperties properties;
    private final Clock clock;
    private final Map<String, Looked> emails;

    SlackUsers(Slack slack, Directory directory, SlackProperties properties, Clock clock) {
        this.slack = slack;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        int capacity = properties.userCacheSize();
        this.emails = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Looked> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<Person> find(@Nullable String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) {
            return Optional.empty();
        }
        Optional<Person> bySlackId = directory.findBySlackId(slackUserId);
        if (bySlackId.isPresent()) {
            return bySlackId;
        }
        return email(slackUserId).flatMap(directory::findByEmail);
    }

    private Optional<String> email(String slackUserId) {
        Instant now = clock.instant();
        synchronized (emails) {
            Looked looked = emails.get(slackUserId);
            if (looked != null && looked.expires().isAfter(now)) {
                return Optional.ofNullable(looked.email());
            }
        }
        Optional<Optional<String>> asked = askSlack(slackUserId);
        asked.ifPresent(email -> {
            synchronized (emails) {
                emails.put(slackUserId, new Looked(email.orElse(null), now.plus(properties.userCacheTtl())));
            }
        });
        return asked.flatMap(email -> email);
    }

    /** @return empty when Slack could not be asked; else the user's e-mail address, if Slack has one */
    private Optional<Optional<String>> askSlack(String slackUserId) {
        try {
            UsersInfoResponse response = slack.methods(properties.botToken()).usersInfo(r -> r.user(slackUserId));
            if (!response.isOk()) {
                LOG.info("Slack users.info answered {} for a user not in the directory", response.getError());
                return "user_not_found".equals(response.getError()) ? Optional.of(Optional.empty()) : Optional.empty();
            }
            User user = response.getUser();
            String email = user == null || user.getProfile() == null
                    ? null
                    : user.getProfile().getEmail();
            return Optional.of(Optional.ofNullable(email == null || email.isBlank() ? null : email.strip()));
        } catch (Exception ex) {
            LOG.warn("Could not ask Slack's users.info about a user not in the directory: {}", ex.toString());
            return Optional.empty();
        }
    }
}
