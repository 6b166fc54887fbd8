package org.suggestionbox.platform.web;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * Which role-bound entries the shared header shows: only pages the signed-in person can use. The
 * directory's roles decide, as the pages themselves do.
 *
 * @param queue the owner queue, for owners
 * @param dashboard the leadership dashboard, for leaders and administrators
 * @param admin the administration pages, for administrators
 */
public record Menu(boolean queue, boolean dashboard, boolean admin) {

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
