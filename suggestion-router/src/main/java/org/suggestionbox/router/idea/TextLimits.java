package org.suggestionbox.router.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The router's one place for free-text limits: explanations, next steps, notes and reasons are at
 * most {@link #TEXT} characters (counted as code points), so no lifecycle event an owner causes can
 * outgrow what Kafka carries. The API and the pages check them before any work, the aggregate again
 * before it changes state, with the same rule and message.
 */
public final class TextLimits {

    /** At most this many characters in an explanation, a next step, a note or a reason. */
    public static final int TEXT = 5_000;

    /**
     * At most this many characters in a name a list is filtered by: the category or department of the idea
     * wall and the owner queue. Names are short; a longer one is refused (400), never cut.
     */
    public static final int FILTER_NAME = 100;

    /** The message of every too-long violation, so pages can show their own localized text for it. */
    public static final String TOO_LONG = "At most " + TEXT + " characters.";

    private TextLimits() {}

    /** Whether {@code text} has more than {@link #TEXT} characters. */
    public static boolean tooLong(@Nullable String text) {
        return text != null && text.length() > TEXT && text.codePointCount(0, text.length()) > TEXT;
    }

    /** One violation per named text that is too long; {@code fieldsAndTexts} alternates name, text. */
    public static List<Violation> violations(@Nullable String... fieldsAndTexts) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i + 1 < fieldsAndTexts.length; i += 2) {
            if (tooLong(fieldsAndTexts[i + 1])) {
                violations.add(new Violation(String.valueOf(fieldsAndTexts[i]), TOO_LONG));
            }
        }
        return violations;
    }

    /**
     * The violation of a filter name ({@code field}) of more than {@link #FILTER_NAME} characters once stripped; none
     * for a shorter, blank or absent one.
     */
    public static Optional<Violation> tooLongName(String field, @Nullable String name) {
        return name != null && name.strip().length() > FILTER_NAME
                ? Optional.of(new Violation(field, "At most " + FILTER_NAME + " characters."))
                : Optional.empty();
    }

    /** Whether {@code violation} says a text is too long. */
    public static boolean isTooLong(Violation violation) {
        return TOO_LONG.equals(violation.message());
    }
}
