package org.suggestionbox.platform.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * A signed-in directory person; controllers take it with {@code @AuthenticationPrincipal}. Whether the
 * person signed in with the company's OpenID Connect provider (pages: {@link DirectoryOidcUser}; API: a
 * bearer token) or, under the {@code local} profile only, with the demo password, the principal is one.
 */
public class DirectoryUser extends User {

    private final Person person;

    /** A person with the roles the directory gives them (the local profile's password sign-in). */
    public DirectoryUser(Person person, String password) {
        this(person, password, Set.copyOf(person.roles()));
    }

    /** A person with the roles the identity provider's token gives them. */
    public DirectoryUser(Person person, String password, Set<Role> roles) {
        super(person.id(), password, authorities(roles));
        this.person = person;
    }

    static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .sorted()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    public Person person() {
        return person;
    }

    public String id() {
        return person.id();
    }
}
