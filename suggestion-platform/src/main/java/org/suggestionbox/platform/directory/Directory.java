package org.suggestionbox.platform.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The org directory: everyone who may sign in, submit, own or lead. Loaded from an HR export (a
 * JSON array of {@link Person}) and reloadable; readers always see one complete version.
 */
public class Directory {

    private static final Logger LOG = LoggerFactory.getLogger(Directory.class);

    private final ResourceLoader resourceLoader;
    private final JsonMapper jsonMapper;
    private final String location;
    private volatile Map<String, Person> people = Map.of();

    public Directory(ResourceLoader resourceLoader, JsonMapper jsonMapper, String location) {
        this.resourceLoader = resourceLoader;
        this.jsonMapper = jsonMapper;
        this.location = location;
        reload();
    }

    /**
     * Reads the export again and swaps it in whole; on any problem the directory stays as it was.
     * @throws UnreadableDirectoryException when the export cannot be read or is not a valid directory
     */
    public final Collection<Person> reload() {
        Resource resource = resourceLoader.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            List<Person> loaded = jsonMapper.readValue(in, new TypeReference<List<Person>>() {});
            replace(loaded);
            LOG.info("Directory loaded from {}: {} people", location, loaded.size());
            return loaded;
        } catch (IOException | JacksonException | IllegalArgumentException ex) {
            throw new UnreadableDirectoryException(location, ex);
        }
    }

    /** Swaps in a new version of the directory, e.g. one an administrator uploaded. */
    public void replace(Collection<Person> newPeople) {
        Map<String, Person> byId = new LinkedHashMap<>();
        for (Person person : newPeople) {
            if (byId.put(person.id(), person) != null) {
                throw new IllegalArgumentException("Duplicate person id in directory: " + person.id());
            }
        }
        people = Map.copyOf(byId);
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(people.get(id));
    }

    public Person get(String id) {
        return find(id).orElseThrow(() -> new UnknownPersonException(id));
    }

    public Collection<Person> all() {
        return people.values();
    }

    public Optional<Person> findByEmail(String email) {
        return all().stream().filter(p -> p.email().equalsIgnoreCase(email)).findFirst();
    }

    public Optional<Person> findBySlackId(String slackId) {
        return all().stream().filter(p -> slackId.equals(p.slackId())).findFirst();
    }

    public Optional<Person> findByTeamsId(String teamsId) {
        return all().stream().filter(p -> teamsId.equals(p.teamsId())).findFirst();
    }

    /** Headcount per department, for participation figures. */
    public Map<String, Long> headcountByDepartment() {
        Map<String, Long> counts = new LinkedHashMap<>();
        all().forEach(p -> counts.merge(p.department(), 1L, Long::sum));
        return counts;
    }

    public Locale localeOf(String id) {
        return find(id).map(Person::preferredLocale).orElse(Locale.ENGLISH);
    }

    /** Raised when the directory export cannot be read or holds no valid directory. */
    public static class UnreadableDirectoryException extends RuntimeException {

        public UnreadableDirectoryException(String location, Exception cause) {
            super("Cannot read the directory from " + location + ": " + cause.getMessage(), cause);
        }
    }

    /** Raised when an id names nobody in the directory. */
    public static class UnknownPersonException extends RuntimeException {

        public UnknownPersonException(String id) {
            super("No person '" + id + "' in the directory");
        }
    }
}
