package org.suggestionbox.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.suggestionbox.platform.directory.Person;

/** A signed-in directory person; controllers take it with {@code @AuthenticationPrincipal}. */
public class DirectoryUser extends User {

    private final Person person;

    public DirectoryUser(Person person, String password) {
        super(person.id(), password, person.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        this.person = person;
    }

    public Person person() {
        return person;
    }

    public String id() {
        return person.id();
    }
}
