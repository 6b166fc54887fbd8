package org.suggestionbox.signin.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.Resource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The people who may sign in, read once from the directory JSON. */
public final class DemoPeople {

    private final List<Person> people;

    DemoPeople(List<Person> people) {
        this.people = List.copyOf(people);
    }

    static DemoPeople read(Resource directory, JsonMapper json) {
        try (InputStream in = directory.getInputStream()) {
            return new DemoPeople(json.readValue(in, new TypeReference<List<Person>>() {}));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the directory at " + directory, ex);
        }
    }

    /** The person with this directory id. */
    public Optional<Person> byId(String id) {
        return people.stream().filter(person -> person.id().equals(id)).findFirst();
    }

    /** The person a sign-in name stands for: the directory id or the e-mail address, in any case. */
    Optional<Person> bySignInName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return people.stream()
                .filter(person -> person.id().toLowerCase(Locale.ROOT).equals(wanted)
                        || person.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public List<Person> all() {
        return people;
    }
}
