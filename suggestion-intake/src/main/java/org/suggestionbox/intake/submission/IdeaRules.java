package org.suggestionbox.intake.submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Visibility;

/**
 * The allow-list every idea passes, whichever door it came through. Lengths count Unicode code
 * points (an emoji is one character), after leading and trailing white space is trimmed.
 * Control characters are refused, except line breaks and tabs in the description; so are broken
 * UTF-16 (unpaired surrogates). Everything else, including Hebrew, Polish, emoji and markup such as
 * {@code <script>}, is accepted as text: pages escape it when they show it.
 * <p>
 * The visibility is one of the {@link Visibility} names, {@link Visibility#DEFAULT} when none was
 * chosen; an anonymous idea can never be named, so {@link Visibility#COMPANY_NAMED} with anonymous is
 * refused (not quietly changed: the person decides which of the two to drop).
 */
public final class IdeaRules {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 5000;
    public static final String VISIBILITY = "visibility";
    private static final String VISIBILITY_NAMES = String.join(
            ", ", Arrays.stream(Visibility.values()).map(Visibility::name).toList());

    private final List<String> categories;
    private final String defaultCategory;

    IdeaRules(List<String> categories, String defaultCategory) {
        this.categories = List.copyOf(categories);
        this.defaultCategory = defaultCategory;
    }

    List<String> categories() {
        return categories;
    }

    Validation validate(IdeaDraft draft) {
        List<FieldViolation> violations = new ArrayList<>();
        String title = strip(draft.title());
        String description = strip(draft.description());
        String category = strip(draft.category());

        int titleLength = title.codePointCount(0, title.length());
        if (title.isEmpty()) {
            violations.add(FieldViolation.of("title", "idea.error.title.required", TITLE_MIN, TITLE_MAX));
        } else if (titleLength < TITLE_MIN || titleLength > TITLE_MAX) {
            violations.add(FieldViolation.of("title", "idea.error.title.length", TITLE_MIN, TITLE_MAX, titleLength));
        } else if (!allowed(title, false)) {
            violations.add(FieldViolation.of("title", "idea.error.title.characters"));
        }

        int descriptionLength = description.codePointCount(0, description.length());
        if (description.isEmpty()) {
            violations.add(FieldViolation.of("description", "idea.error.description.required"));
        } else if (descriptionLength > DESCRIPTION_MAX) {
            violations.add(FieldViolation.of(
                    "description", "idea.error.description.length", DESCRIPTION_MAX, descriptionLength));
        } else if (!allowed(description, true)) {
            violations.add(FieldViolation.of("description", "idea.error.description.characters"));
        }

        if (category.isEmpty()) {
            category = defaultCategory;
        } else if (!categories.contains(category)) {
            violations.add(FieldViolation.of("category", "idea.error.category.unknown"));
        }

        Visibility visibility = Visibility.DEFAULT;
        String chosen = strip(draft.visibility());
        if (!chosen.isEmpty()) {
            Optional<Visibility> known = visibility(chosen);
            if (known.isEmpty()) {
                // the typed value is not echoed: it may be anything, of any length
                violations.add(FieldViolation.of(VISIBILITY, "idea.error.visibility.unknown", VISIBILITY_NAMES));
            } else if (draft.anonymous() && known.get().isNamed()) {
                violations.add(FieldViolation.of(VISIBILITY, "idea.error.visibility.anonymousNamed"));
            } else {
                visibility = known.get();
            }
        }

        return violations.isEmpty()
                ? new ValidIdea(title, description, category, draft.anonymous(), List.of(), visibility)
                : new Validation.Invalid(violations);
    }

    private static Optional<Visibility> visibility(String name) {
        return Arrays.stream(Visibility.values())
                .filter(value -> value.name().equals(name))
                .findFirst();
    }

    private static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    private static boolean allowed(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.getType(c) == Character.CONTROL
                    && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
