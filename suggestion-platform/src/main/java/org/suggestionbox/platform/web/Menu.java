package org.suggestionbox.platform.web;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * Which role-bound entries the shared header shows: only pages the signed-in person can use. The
 * directory's roles decide, as the pages themselves do. Which entry is the page shown: {@link #entryAt}.
 *
 * @param queue the owner queue, for owners
 * @param dashboard the leadership dashboard, for leaders and administrators
 * @param admin the administration pages, for administrators
 */
public record Menu(boolean queue, boolean dashboard, boolean admin) {

    /**
     * Which entry of the header is the page at {@code path} (without the context path) of the service named
     * {@code application}, for its {@code aria-current}: null where the page is none of them (an idea's own page, an
     * error page). Intake's form counts as "Share an idea" also when it comes back refused ({@code POST /ideas}).
     */
    public static @Nullable String entryAt(String application, String path) {
        return switch (application) {
            case "suggestion-intake" -> path.equals("/ideas/new") || path.equals("/ideas") ? "submit" : null;
            case "suggestion-router" ->
                switch (path) {
                    case "/my-ideas" -> "myIdeas";
                    case "/ideas" -> "wall";
                    case "/queue" -> "queue";
                    case "/dashboard" -> "dashboard";
                    default -> path.startsWith("/admin/") ? "admin" : null;
                };
            case "feedback-notifier" ->
                switch (path) {
                    case "/inbox" -> "inbox";
                    case "/preferences" -> "preferences";
                    default -> null;
                };
            default -> null;
        };
    }

    /** The menu of a signed-in person, or none of the role-bound entries when nobody is signed in. */
    public static Menu of(@Nullable Person person) {
        if (person == null) {
            return new Menu(false, false, false);
        }
        return new Menu(
                person.hasRole(Role.OWNER),
                person.hasRole(Role.LEADER) || person.hasRole(Role.ADMIN),
                person.hasRole(Role.ADMIN));
    }
}
