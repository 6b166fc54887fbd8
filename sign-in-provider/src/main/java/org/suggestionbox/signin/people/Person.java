package org.suggestionbox.signin.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A person of the directory, as far as signing in needs: who they are and their roles.
 *
 * @param id the directory id; the user name and the tokens' {@code sub}
 * @param roles role names, e.g. {@code EMPLOYEE}, {@code OWNER}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String id, String name, String email, List<String> roles) {

    public Person {
        roles = List.copyOf(roles);
    }
}
