package org.suggestionbox.router.idea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Impact;

/**
 * What an impact must be, and when an implemented idea's impact is checked. The summary is required
 * and within {@link TextLimits}; the amount is a positive decimal of at most {@value #MAX_SCALE}
 * decimal places and at most {@link #MAX_AMOUNT}; the unit is one of {@code units}.
 *
 * @param units the configured benefit unit ids, in the order forms offer them
 * @param checkpointDays how many days after its implementation an idea's impact is checked, ascending
 */
public record ImpactRules(List<String> units, List<Integer> checkpointDays) {

    /** The largest benefit amount accepted: a trillion of any unit is a typing mistake. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** At most this many decimal places (cents, or a hundredth of a point). */
    public static final int MAX_SCALE = 2;

    /** At most this many characters of typed amount are read at all. */
    static final int AMOUNT_TEXT = 40;

    public static final List<String> DEFAULT_UNITS =
            List.of("hours-saved-per-month", "money-per-year", "csat-points", "incidents-avoided");

    public static final ImpactRules DEFAULT = new ImpactRules(DEFAULT_UNITS, List.of(30, 90));

    public ImpactRules {
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("At least one benefit unit must be configured");
        }
        if (checkpointDays.stream().anyMatch(days -> days <= 0)) {
            throw new IllegalArgumentException("Impact checkpoints must be at least a day: " + checkpointDays);
        }
        checkpointDays = checkpointDays.stream().distinct().sorted().toList();
    }

    /** One violation per wrong part of {@code draft}, named {@code field.summary} and so on. */
    public List<Violation> violations(String field, @Nullable ImpactDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String summary = draft == null ? null : draft.summary();
        if (summary == null || summary.isBlank()) {
            violations.add(new Violation(field + ".summary", "Say what changed."));
        }
        violations.addAll(TextLimits.violations(field + ".summary", summary));
        BigDecimal amount = draft == null ? null : parse(draft.amount());
        if (amount == null) {
            violations.add(new Violation(field + ".amount", "Give the benefit as a number, e.g. 40 or 12.5."));
        } else if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            violations.add(new Violation(
                    field + ".amount", "The benefit must be above 0 and at most " + MAX_AMOUNT.toPlainString() + "."));
        } else if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            violations.add(new Violation(field + ".amount", "At most " + MAX_SCALE + " decimal places."));
        }
        String unit = draft == null ? null : draft.unit();
        if (unit == null || !units.contains(unit.strip())) {
            violations.add(new Violation(field + ".unit", "Choose one of " + String.join(", ", units) + "."));
        }
        return violations;
    }

    /** The impact {@code draft} describes; call after {@link #violations} found nothing. */
    Impact impactOf(ImpactDraft draft) {
        BigDecimal amount = java.util.Objects.requireNonNull(parse(draft.amount()));
        BigDecimal plain =
                amount.setScale(Math.max(0, amount.stripTrailingZeros().scale()));
        return new Impact(
                java.util.Objects.requireNonNull(draft.summary()).strip(),
                plain,
                java.util.Objects.requireNonNull(draft.unit()).strip());
    }

    /** The typed amount as a decimal; null when it is none (or absurdly long). */
    static @Nullable BigDecimal parse(@Nullable String amount) {
        if (amount == null || amount.isBlank() || amount.length() > AMOUNT_TEXT) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(amount.strip());
            // an exponent far beyond the bounds is refused before anything computes with it
            return Math.abs((long) parsed.scale()) > 100 ? null : parsed;
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
