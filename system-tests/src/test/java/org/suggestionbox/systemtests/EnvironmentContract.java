package org.suggestionbox.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Which environment variables a service reads, judged from its {@code application.yml}: a variable is
 * read when the yml has a {@code ${NAME}} or {@code ${NAME:default}} placeholder for it, or when it is
 * the relaxed-binding form (upper case, {@code _} for {@code .}, dashes dropped) of a property key in
 * the yml, of a property of the shared platform, or of an allowed standard Spring Boot / JVM variable.
 * Matching is exact, so a variable with a typo is not read.
 */
final class EnvironmentContract {

    /** Standard variables every Spring Boot service or JVM honours. */
    static final Set<String> STANDARD = Set.of("SERVER_PORT", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    /** The properties of suggestion-platform's {@code @ConfigurationProperties} records. */
    static final Set<String> PLATFORM_PROPERTIES = Set.of(
            "suggestionbox.links.intake",
            "suggestionbox.links.router",
            "suggestionbox.links.notifier",
            "suggestionbox.kafka.partitions",
            "suggestionbox.kafka.replication-factor",
            "suggestionbox.kafka.retries",
            "suggestionbox.kafka.initial-back-off",
            "suggestionbox.kafka.max-back-off",
            "suggestionbox.kafka.commit-interval",
            "suggestionbox.directory.location",
            "suggestionbox.security.demo-password",
            "suggestionbox.security.public-paths",
            "suggestionbox.anonymity.active-key-id");

    /**
     * A compose substitution: an escaped dollar (group 1), {@code $NAME} (2), or {@code ${NAME}} (3) with
     * its modifier (4) and argument (5).
     */
    private static final Pattern SUBSTITUTION = Pattern.compile(
            "(\\$\\$)|\\$([A-Za-z_][A-Za-z0-9_]*)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    private final String applicationYml;

    private final Set<String> canonicalKeys = new TreeSet<>();

    EnvironmentContract(String applicationYml) {
        this.applicationYml = applicationYml;
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(applicationYml)) {
            flatten("", document, this.canonicalKeys);
        }
        PLATFORM_PROPERTIES.forEach(key -> this.canonicalKeys.add(canonical(key)));
    }

    /** The variables of {@code environment} the service does not read, each with why. */
    List<String> unreadVariables(Iterable<String> environment) {
        List<String> unread = new ArrayList<>();
        for (String name : environment) {
            if (!reads(name)) {
                unread.add(name + " (no ${" + name + "} placeholder in application.yml and no property "
                        + name.toLowerCase(Locale.ROOT).replace('_', '.') + ")");
            }
        }
        return unread;
    }

    boolean reads(String name) {
        if (STANDARD.contains(name)) {
            return true;
        }
        if (Pattern.compile("\\$\\{" + Pattern.quote(name) + "[:}]")
                .matcher(this.applicationYml)
                .find()) {
            return true;
        }
        return name.matches("[A-Z0-9_]+")
                && this.canonicalKeys.contains(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** Spring's canonical property name: lower case, dashes dropped. */
    static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "");
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
                keys.add(canonical(key));
                flatten(key, entry.getValue(), keys);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), keys);
            }
        }
    }

    /**
     * Docker Compose's variable substitutions in {@code text}: {@code $NAME}, {@code ${NAME}} and
     * {@code ${NAME<modifier><argument>}} with the modifiers {@code :-}, {@code -}, {@code :?}, {@code ?},
     * {@code :+} and {@code +}; {@code $$} is an escaped dollar, not a substitution.
     */
    static List<Substitution> substitutions(String text) {
        List<Substitution> substitutions = new ArrayList<>();
        Matcher matcher = SUBSTITUTION.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                continue;
            }
            if (matcher.group(2) != null) {
                substitutions.add(new Substitution(matcher.group(2), "", ""));
            } else {
                substitutions.add(new Substitution(
                        matcher.group(3),
                        matcher.group(4) == null ? "" : matcher.group(4),
                        matcher.group(5) == null ? "" : matcher.group(5)));
            }
        }
        return substitutions;
    }

    /**
     * One {@code ${NAME...}} of a compose file. It is required when compose refuses to start without the
     * variable ({@code :?}, which also refuses an empty value) and says why.
     */
    record Substitution(String name, String modifier, String argument) {

        boolean required() {
            return ":?".equals(this.modifier) && !this.argument.isBlank();
        }
    }

    /** A compose service's {@code environment}, given as a map or as a list of {@code NAME=value}. */
    static Map<String, String> environmentOf(Map<?, ?> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int equals = text.indexOf('=');
                environment.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return environment;
    }
}
