package org.suggestionbox.events;

import java.math.BigDecimal;

/**
 * What an implemented idea changed: the owner's words and a benefit in one configured unit, e.g.
 * {@code 40 hours-saved-per-month}. Estimated when the idea is implemented, measured at the impact
 * checks 30 and 90 days later.
 *
 * @param unit a configured benefit unit id ({@code suggestionbox.impact.units}), e.g.
 *        {@code hours-saved-per-month}, {@code money-per-year}, {@code csat-points},
 *        {@code incidents-avoided}
 */
public record Impact(String summary, BigDecimal amount, String unit) {}
