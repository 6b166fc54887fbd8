package org.suggestionbox.router.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.router.config.RouterProperties;

/** The router's settings as its application.yml and the {@code local} profile give them, for tests built by hand. */
public final class TestRouterProperties {

    private TestRouterProperties() {}

    /** The demo company's: its rules file and {@code maya} taking what none of them matches. */
    public static RouterProperties demo() {
        return with("classpath:routing-rules.yml", "maya");
    }

    /** The defaults with this rules file (none: no rules) and this triage owner. */
    public static RouterProperties with(@Nullable String rulesLocation, String triageOwner) {
        return new RouterProperties(
                rulesLocation,
                Duration.ofSeconds(1),
                triageOwner,
                new RouterProperties.Deadlines(
                        Duration.ofDays(14),
                        Map.of(),
                        List.of(ReminderPoint.HALF_TIME, ReminderPoint.ONE_DAY_BEFORE),
                        Duration.ofDays(3),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10)),
                new RouterProperties.Outbox(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        100,
                        Duration.ofSeconds(5),
                        Duration.ofMillis(200)));
    }
}
