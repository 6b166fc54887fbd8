package org.suggestionbox.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * Turns an identity provider's claims into a directory person and their roles: the person is found
 * by the configured claim ({@code email} by default; a value without {@code @} is taken as a directory
 * id), the roles come from the configured claim ({@code roles} by default; a dotted name such as
 * {@code realm_access.roles} reads a nested claim), mapped by {@code role-mapping} or by name. Someone
 * the provider knows and the directory does not is never given an account.
 */
final class SignedInPeople {

    private final Directory directory;

    private final PlatformSecurityProperties.Oidc settings;

    SignedInPeople(Directory directory, PlatformSecurityProperties.Oidc settings) {
        this.directory = directory;
        this.settings = settings;
    }

    Optional<Person> person(Map<String, Object> claims) {
        if (!(claims.get(this.settings.personClaim()) instanceof String value) || value.isBlank()) {
            return Optional.empty();
        }
        return value.contains("@") ? this.directory.findByEmail(value) : this.directory.find(value);
    }

    String personClaim() {
        return this.settings.personClaim();
    }

    Set<Role> roles(Map<String, Object> claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claim(claims, this.settings.rolesClaim()))) {
            role(value).ifPresent(roles::add);
        }
        return roles;
    }

    private Optional<Role> role(String value) {
        String mapped = this.settings.roleMapping().get(value);
        String name = (mapped != null ? mapped : value).trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static @Nullable Object claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static Collection<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return java.util.Arrays.stream(text.split("[\\s,]+"))
                    .filter(value -> !value.isBlank())
                    .toList();
        }
        return java.util.List.of();
    }
}
