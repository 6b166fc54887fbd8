package org.suggestionbox.router.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.assignment.OwnerRerouter;

/** Swaps in a new directory and re-routes the ideas of owners it no longer has. */
@Service
class DirectoryAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAdminService.class);

    private final Directory directory;
    private final OwnerRerouter rerouter;

    DirectoryAdminService(Directory directory, OwnerRerouter rerouter) {
        this.directory = directory;
        this.rerouter = rerouter;
    }

    synchronized ImportSummary replace(List<Person> people, String by) {
        Map<String, Person> before = snapshot();
        directory.replace(people);
        return afterChange(before, by);
    }

    synchronized ImportSummary reload(String by) {
        Map<String, Person> before = snapshot();
        directory.reload();
        return afterChange(before, by);
    }

    private Map<String, Person> snapshot() {
        return directory.all().stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    private ImportSummary afterChange(Map<String, Person> before, String by) {
        Collection<Person> now = directory.all();
        Set<String> nowIds = now.stream().map(Person::id).collect(Collectors.toSet());
        List<String> added =
                nowIds.stream().filter(id -> !before.containsKey(id)).sorted().toList();
        List<String> removed = before.keySet().stream()
                .filter(id -> !nowIds.contains(id))
                .sorted()
                .toList();
        List<String> ownersLost = before.values().stream()
                .filter(person -> person.hasRole(Role.OWNER))
                .map(Person::id)
                .filter(id -> directory
                        .find(id)
                        .filter(person -> person.hasRole(Role.OWNER))
                        .isEmpty())
                .sorted()
                .toList();
        int rerouted = rerouter.rerouteOrphans(by);
        LOG.info(
                "Directory changed by {}: {} people, added {}, removed {}, owners lost {}, ideas re-routed {}",
                by,
                now.size(),
                added,
                removed,
                ownersLost,
                rerouted);
        return new ImportSummary(now.size(), added, removed, ownersLost, rerouted);
    }

    /** What an import changed. */
    record ImportSummary(
            int people, List<String> added, List<String> removed, List<String> ownersLost, int ideasRerouted) {}
}
