package org.suggestionbox.platform.directory;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One person in the org directory, as an HR system exports it.
 *
 * @param id the sign-in name, e.g. {@code alice}
 * @param managerId the id of the person's manager, absent at the top
 * @param locale a language tag: {@code en}, {@code he} or {@code pl}
 */
public record Person(
        String id,
        String name,
        String email,
        String department,
        @Nullable String managerId,
        String locale,
        @Nullable String slackId,
        @Nullable String teamsId,
        Set<Role> roles) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Locale preferredLocale() {
        return Locale.forLanguageTag(locale);
    }
}
