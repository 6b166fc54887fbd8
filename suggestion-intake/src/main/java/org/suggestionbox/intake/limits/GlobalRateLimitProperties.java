package org.suggestionbox.intake.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit on all submissions together, from every door and every intake instance; the per-person
 * limit is {@code suggestionbox.intake.rate-limit} per {@code rate-limit-window}.
 *
 * @param limit submissions everybody together may make per {@code window}
 * @param window the window of the global limit
 */
@ConfigurationProperties("suggestionbox.intake.global-rate-limit")
record GlobalRateLimitProperties(
        @DefaultValue("600") int limit, @DefaultValue("1m") Duration window) {}
