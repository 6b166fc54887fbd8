package org.suggestionbox.platform.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
    /** One complete version of the directory with its lookups, swapped in whole. */
    private volatile Version version = Version.of(List.of());

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
        version = Version.of(newPeople);
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(version.byId().get(id));
    }

    public Person get(String id) {
        return find(id).orElseThrow(() -> new UnknownPersonException(id));
    }

    public Collection<Person> all() {
        return version.byId().values();
    }

    /**
     * The person with this e-mail address, in any case. An index, not a scan: every request with a bearer
     * token finds its person by e-mail.
     */
    public Optional<Person> findByEmail(String email) {
        return Optional.ofNullable(version.byEmail().get(emailKey(email)));
    }

    public Optional<Person> findBySlackId(String slackId) {
        return all().stream().filter(p -> slackId.equals(p.slackId())).findFirst();
    }

    public Optional<Person> findByTeamsId(String teamsId) {
        return all().stream().filter(p -> teamsId.equals(p.teamsId())).findFirst();
    }

    /** Headcount per department, for participation figures; counted once per version. */
    public Map<String, Long> headcountByDepartment() {
        return version.headcount();
    }

    public Locale localeOf(String id) {
        return find(id).map(Person::preferredLocale).orElse(Locale.ENGLISH);
    }

    private static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** People by id (in the export's order), by e-mail (lower case; the first of equal ones) and per department. */
    private record Version(Map<String, Person> byId, Map<String, Person> byEmail, Map<String, Long> headcount) {

        static Version of(Collection<Person> people) {
            Map<String, Person> byId = new LinkedHashMap<>();
            Map<String, Person> byEmail = new HashMap<>();
            Map<String, Long> headcount = new LinkedHashMap<>();
            for (Person person : people) {
                if (byId.put(person.id(), person) != null) {
                    throw new IllegalArgumentException("Duplicate person id in directory: " + person.id());
                }
                byEmail.putIfAbsent(emailKey(person.email()), person);
                headcount.merge(person.department(), 1L, Long::sum);
            }
            return new Version(
                    Collections.unmodifiableMap(byId), Map.copyOf(byEmail), Collections.unmodifiableMap(headcount));
        }
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
