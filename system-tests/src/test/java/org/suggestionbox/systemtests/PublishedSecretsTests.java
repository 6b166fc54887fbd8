package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every secret value written in the repository's configuration (application*.yml, *.properties,
 * docker-compose.yml, .env.example, realm JSON) is on suggestion-platform's list of published secrets, so no
 * service outside the local profile starts with it. A secret is a property whose last part names a secret
 * (…secret, …token, …password, …-key, key-ring, the anonymity keys) or an environment variable whose name
 * does (…SECRET, …TOKEN, …PASSWORD, …_KEY, …_KEYS, ANONYMITY_KEY_…); a key ring's keys count one by one.
 */
class PublishedSecretsTests {

    private static final Path PROJECT_DIR = TestStacks.PROJECT_DIR;

    static final Path PUBLISHED = Path.of(
            "suggestion-platform/src/main/resources/org/suggestionbox/platform/secrets/" + "published-secrets.txt");

    private static final Pattern SECRET_PROPERTY =
            Pattern.compile("(.*(secret|token|password|-key)|.*key-ring|.*\\.anonymity\\.keys\\.[^.]+)");

    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("(.*(SECRET|TOKEN|PASSWORD|_KEY|_KEYS)|ANONYMITY_KEY_.*)");

    private static final Pattern RING_NAME = Pattern.compile(".*(key-ring|KEYS)");

    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::(.*))?}");

    private static final Pattern COMPOSE_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-(.*)|:?\\?.*)?}");

    /** A secret value found in the repository. */
    record Found(String value, String where) {}

    @Test
    void everySecretValueInTheRepositorysConfigurationIsAPublishedOne() throws IOException {
        Set<String> published = published();
        List<Found> found = scanRepository();

        assertThat(found)
                .as("secret values in the repository")
                .isNotEmpty()
                .extracting(Found::value)
                .contains("local-slack-signing-secret", "c3VnZ2VzdGlvbi1ib3gtbG9jYWwtZGVtby1rZXktMDE=");
        assertThat(found.stream()
                        .filter(secret -> !published.contains(secret.value()))
                        .map(Found::where)
                        .toList())
                .as("secrets missing from %s", PUBLISHED)
                .isEmpty();
    }

    @Test
    void anUnlistedSecretInAYmlOrComposeFileIsFound() {
        List<Found> found = new ArrayList<>();
        yml("""
                suggestionbox:
                  secrets:
                    required: {SLACK_SIGNING_SECRET: suggestionbox.intake.slack.signing-secret}
                  intake:
                    slack:
                      signing-secret: ${SLACK_SIGNING_SECRET:my-new-demo-secret}
                      api-base-url: ${SLACK_API_BASE_URL:https://slack.com/api/}
                  anonymity:
                    key-ring: ${ANONYMITY_KEYS:k1:a2V5LW9uZQ==,k2:a2V5LXR3bw==}
                """, "sample.yml", found);
        compose("""
                services:
                  x:
                    environment:
                      WEBHOOK_SECRET: ${WEBHOOK_SECRET:-compose-demo}
                      OIDC_CLIENT_SECRET: ${OIDC_CLIENT_SECRET:?set it}
                      SERVER_PORT: 8081
                """, "compose.yml", found);

        assertThat(found)
                .extracting(Found::value)
                .containsExactlyInAnyOrder("my-new-demo-secret", "a2V5LW9uZQ==", "a2V5LXR3bw==", "compose-demo");
    }

    static Set<String> published() throws IOException {
        Set<String> values = new TreeSet<>();
        for (String line : Files.readAllLines(PROJECT_DIR.resolve(PUBLISHED), StandardCharsets.UTF_8)) {
            String value = line.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                values.add(value);
            }
        }
        return values;
    }

    static List<Found> scanRepository() throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT_DIR.toAbsolutePath().normalize())) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(PublishedSecretsTests::inSources)
                    .toList()) {
                String name = file.getFileName().toString();
                String where = PROJECT_DIR
                        .toAbsolutePath()
                        .normalize()
                        .relativize(file)
                        .toString();
                if (name.matches("docker-compose.*\\.ya?ml|compose.*\\.ya?ml")) {
                    compose(read(file), where, found);
                } else if (name.matches("application.*\\.ya?ml")) {
                    yml(read(file), where, found);
                } else if (name.endsWith(".properties") && !where.contains("i18n")) {
                    // message bundles hold labels ("platform.login.password=Password"), not settings
                    properties(read(file), where, found);
                } else if (name.equals(".env.example") || name.equals(".env")) {
                    dotEnv(read(file), where, found);
                } else if (name.endsWith(".json")
                        && name.toLowerCase(Locale.ROOT).contains("realm")) {
                    realm(read(file), where, found);
                }
            }
        }
        return found;
    }

    /** Sources only: no build output, no hidden directories (.git, .local-stack with its generated secrets). */
    private static boolean inSources(Path file) {
        Path relative = PROJECT_DIR.toAbsolutePath().normalize().relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String part = relative.getName(i).toString();
            if (part.startsWith(".") || part.equals("target") || part.equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    static void yml(String text, String where, List<Found> found) {
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            flatten("", document, (key, value) -> {
                if (!key.startsWith("suggestionbox.secrets.")
                        && SECRET_PROPERTY.matcher(key).matches()) {
                    springValue(key, value, where, found);
                }
            });
        }
    }

    static void properties(String text, String where, List<Found> found) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("suggestionbox.secrets.")
                    && SECRET_PROPERTY.matcher(key).matches()) {
                springValue(key, properties.getProperty(key), where, found);
            } else if (SECRET_VARIABLE.matcher(key).matches()) {
                add(key, properties.getProperty(key), where, found);
            }
        }
    }

    static void compose(String text, String where, List<Found> found) {
        Object compose = new Load(LoadSettings.builder().build()).loadFromString(text);
        if (compose instanceof Map<?, ?> root && root.get("services") instanceof Map<?, ?> services) {
            for (Map.Entry<?, ?> service : services.entrySet()) {
                if (service.getValue() instanceof Map<?, ?> definition) {
                    EnvironmentContract.environmentOf(definition).forEach((variable, value) -> {
                        if (SECRET_VARIABLE.matcher(variable).matches()) {
                            Matcher placeholder = COMPOSE_PLACEHOLDER.matcher(value);
                            String literal = placeholder.matches() ? placeholder.group(2) : value;
                            if (literal != null) {
                                add(variable, literal, where + " " + service.getKey() + " " + variable, found);
                            }
                        }
                    });
                }
            }
        }
    }

    static void dotEnv(String text, String where, List<Found> found) {
        for (String line : text.lines().toList()) {
            int equals = line.indexOf('=');
            if (!line.strip().startsWith("#") && equals > 0) {
                String variable = line.substring(0, equals).strip();
                if (SECRET_VARIABLE.matcher(variable).matches()) {
                    add(variable, unquote(line.substring(equals + 1).strip()), where + " " + variable, found);
                }
            }
        }
    }

    /** Keycloak realm exports: client secrets and users' passwords. */
    static void realm(String text, String where, List<Found> found) {
        realmNode(JsonMapper.builder().build().readTree(text), where, found);
    }

    private static void realmNode(JsonNode node, String where, List<Found> found) {
        if (node.isObject()) {
            for (String field : node.propertyNames()) {
                JsonNode value = node.get(field);
                if (value.isString()
                        && (field.equals("secret")
                                || field.equals("clientSecret")
                                || (field.equals("value")
                                        && "password".equals(node.path("type").asString())))) {
                    add(field, value.asString(), where + " " + field, found);
                }
                realmNode(value, where, found);
            }
        } else if (node.isArray()) {
            node.forEach(element -> realmNode(element, where, found));
        }
    }

    /** A property's value, or the default of its {@code ${VAR:default}} placeholder. */
    private static void springValue(String key, String value, String where, List<Found> found) {
        Matcher placeholder = SPRING_PLACEHOLDER.matcher(value);
        String literal = placeholder.matches() ? placeholder.group(2) : value;
        if (literal != null) {
            add(key, literal, where + " " + key, found);
        }
    }

    private static void add(String name, String value, String where, List<Found> found) {
        String literal = value.strip();
        if (literal.isEmpty() || literal.contains("${")) {
            return;
        }
        if (RING_NAME.matcher(name).matches()) {
            for (String entry : literal.split(",")) {
                int colon = entry.indexOf(':');
                String key = entry.substring(colon + 1).strip();
                if (!key.isEmpty()) {
                    found.add(new Found(key, where + " (a key of the ring)"));
                }
            }
        } else {
            found.add(new Found(literal, where));
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2
                        && (value.startsWith("\"") && value.endsWith("\"")
                                || value.startsWith("'") && value.endsWith("'"))
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static void flatten(String prefix, Object node, java.util.function.BiConsumer<String, String> leaf) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(
                        prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey(),
                        entry.getValue(),
                        leaf);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), leaf);
            }
        } else if (node != null) {
            leaf.accept(prefix, String.valueOf(node));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
