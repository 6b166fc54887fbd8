package org.suggestionbox.router.wall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.web.InvalidRequestException;

/**
 * What the wall was asked for, each parameter checked against its limit: {@code query} at most
 * {@value #MAX_QUERY} characters, {@code category} and {@code department} at most
 * {@value TextLimits#FILTER_NAME},
 * {@code state} an {@link IdeaState}, {@code view} {@code all} or {@code implemented}. Anything else is
 * refused with one violation per parameter (400), never clamped.
 */
record WallQuery(
        @Nullable String query,
        @Nullable IdeaState state,
        @Nullable String category,
        @Nullable String department,
        WallView view) {

    static final int MAX_QUERY = 200;

    static final WallQuery EVERYTHING = new WallQuery(null, null, null, null, WallView.ALL);

    /** Checks and parses the raw parameters; blank ones count as absent. */
    static WallQuery of(
            @Nullable String query,
            @Nullable String state,
            @Nullable String category,
            @Nullable String department,
            @Nullable String view) {
        List<Violation> violations = new ArrayList<>();
        String text = blankToNull(query);
        if (text != null && text.codePointCount(0, text.length()) > MAX_QUERY) {
            violations.add(new Violation("query", "At most " + MAX_QUERY + " characters."));
        }
        IdeaState parsedState = null;
        String stateName = blankToNull(state);
        if (stateName != null) {
            try {
                parsedState = IdeaState.valueOf(stateName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                violations.add(new Violation("state", "One of " + List.of(IdeaState.values()) + "."));
            }
        }
        String categoryName = name("category", category, violations);
        String departmentName = name("department", department, violations);
        WallView parsedView = WallView.ALL;
        String viewName = blankToNull(view);
        if (viewName != null) {
            try {
                parsedView = WallView.valueOf(viewName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                violations.add(new Violation("view", "all or implemented."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new WallQuery(text, parsedState, categoryName, departmentName, parsedView);
    }

    /** The state to list: "You said, we did" is the implemented ideas, whatever state was asked for. */
    @Nullable
    IdeaState effectiveState() {
        return view == WallView.IMPLEMENTED ? IdeaState.IMPLEMENTED : state;
    }

    private static @Nullable String name(String field, @Nullable String value, List<Violation> violations) {
        String name = blankToNull(value);
        TextLimits.tooLongName(field, name).ifPresent(violations::add);
        return name;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
