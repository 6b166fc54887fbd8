package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.suggestionbox.systemtests.EnvironmentContract.Substitution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its contract is checked instead: it parses,
 * has the infrastructure, Keycloak and the three services, passes each service only variables it reads,
 * takes every secret from the environment with no default ({@code .env.example} lists them), the realm
 * Keycloak imports holds the directory's people, their groups and the services' clients, and the image build's
 * context ({@code .dockerignore}) holds what it builds but no secret.
 */
class DockerComposeContractTests {

    private static final Path PROJECT_DIR = TestStacks.PROJECT_DIR;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REALM_FILE = "ops/keycloak/suggestionbox-realm.json";

    /** The secrets of the identity contract (issue #11), plus Keycloak's, the demo people's and Grafana's passwords. */
    private static final Set<String> SECRETS = Set.of(
            "SLACK_SIGNING_SECRET",
            "SLACK_BOT_TOKEN",
            "TEAMS_SECURITY_TOKEN",
            "INTAKE_IDEMPOTENCY_SECRET",
            "WEBHOOK_SECRET",
            "RECIPIENT_REF_KEY",
            "ANONYMITY_ACTIVE_KEY_ID",
            "ANONYMITY_KEYS",
            "INTAKE_OIDC_CLIENT_SECRET",
            "ROUTER_OIDC_CLIENT_SECRET",
            "NOTIFIER_OIDC_CLIENT_SECRET",
            "HR_SYNC_CLIENT_SECRET",
            "KEYCLOAK_ADMIN_PASSWORD",
            "DEMO_PASSWORD",
            "GRAFANA_ADMIN_PASSWORD",
            "METRICS_SCRAPE_TOKEN");

    /** A variable whose name says it holds a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|KEY).*");

    private static final Pattern IMAGE_VERSION = Pattern.compile("[^:]+:(\\d+)\\.(\\d+)\\.(\\d+)");

    private static final String SAMPLE_YML = """
            spring:
              application:
                name: sample
              kafka:
                bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}
            server:
              port: ${SERVER_PORT:8081}
            sample:
              answer-deadline: P14D
            """;

    @Test
    void hasTheInfrastructureAndTheThreeServices() {
        assertThat(services().keySet().stream().map(String::valueOf).toList())
                .contains(
                        "kafka",
                        "mongodb",
                        "mailpit",
                        "keycloak",
                        "suggestion-intake",
                        "suggestion-router",
                        "feedback-notifier");
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(service("mongodb").get("image"))).startsWith("mongo:");
        assertThat(String.valueOf(service("mongodb").get("command"))).contains("--replSet");
        assertThat(String.valueOf(service("mailpit").get("image"))).startsWith("axllent/mailpit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"suggestion-intake", "suggestion-router", "feedback-notifier"})
    void everyVariablePassedToAServiceIsOneItReads(String module) throws IOException {
        Map<?, ?> service = service(module);
        Map<String, String> environment = EnvironmentContract.environmentOf(service);
        EnvironmentContract contract = new EnvironmentContract(Files.readString(
                PROJECT_DIR.resolve(module).resolve("src/main/resources/application.yml"), StandardCharsets.UTF_8));

        assertThat(environment).as(module + " environment").containsKeys("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(contract.unreadVariables(environment.keySet()))
                .as(module + " is passed variables it never reads")
                .isEmpty();
        assertThat(String.valueOf(service.get("build"))).contains("MODULE=" + module);
    }

    /** The services run without {@code local}, so each must be given every setting it refuses to start without. */
    @ParameterizedTest
    @ValueSource(strings = {"suggestion-intake", "suggestion-router", "feedback-notifier"})
    void everyServiceIsGivenEverySettingItRequiresInProduction(String module) throws IOException {
        Map<String, String> environment = EnvironmentContract.environmentOf(service(module));
        Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(
                        PROJECT_DIR.resolve(module).resolve("src/main/resources/application.yml"),
                        StandardCharsets.UTF_8));
        Map<?, ?> secrets = (Map<?, ?>) ((Map<?, ?>) root.get("suggestionbox")).get("secrets");
        List<String> required = new ArrayList<>();
        for (String kind : List.of("required", "key-rings")) {
            if (secrets.get(kind) instanceof Map<?, ?> variables) {
                variables.keySet().forEach(variable -> required.add(String.valueOf(variable)));
            }
        }

        assertThat(required).as(module + " requires").contains("SUGGESTIONBOX_DIRECTORY_LOCATION");
        assertThat(environment).as(module + " environment").containsKeys(required.toArray(String[]::new));
        assertThat(environment).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    /** Kafka, MongoDB and Mailpit ask for no password: nothing is published beyond the host's loopback. */
    @Test
    void everyPortIsPublishedOnTheHostsLoopbackOnly() {
        List<String> published = new ArrayList<>();
        for (Map.Entry<?, ?> service : services().entrySet()) {
            if (((Map<?, ?>) service.getValue()).get("ports") instanceof List<?> ports) {
                ports.forEach(port -> published.add(service.getKey() + " " + port));
            }
        }
        assertThat(published)
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(port -> assertThat(port).matches("\\S+ 127\\.0\\.0\\.1:\\d+:\\d+"));
    }

    @Test
    void everyBindMountedFileExists() {
        for (Map.Entry<?, ?> service : services().entrySet()) {
            if (((Map<?, ?>) service.getValue()).get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(PROJECT_DIR.resolve(source))
                                .as(service.getKey() + " mounts " + source)
                                .exists();
                    }
                }
            }
        }
    }

    @Test
    void prometheusScrapesTheThreeServicesWhereTheyListen() throws IOException {
        String prometheus =
                Files.readString(PROJECT_DIR.resolve("ops/prometheus/prometheus.yml"), StandardCharsets.UTF_8);
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(prometheus);

        assertThat(String.valueOf(config.get("scrape_configs")))
                .contains("metrics_path=/actuator/prometheus")
                .contains("suggestion-intake:8081", "suggestion-router:8082", "feedback-notifier:8083");
        for (String module : List.of("suggestion-intake", "suggestion-router", "feedback-notifier")) {
            assertThat(String.valueOf(service(module).get("ports"))).contains(prometheusPort(prometheus, module));
            assertThat(EnvironmentContract.substitutions(EnvironmentContract.environmentOf(service(module))
                            .getOrDefault("METRICS_SCRAPE_TOKEN", "")))
                    .as(module + "'s METRICS_SCRAPE_TOKEN")
                    .singleElement()
                    .returns("METRICS_SCRAPE_TOKEN", Substitution::name)
                    .returns(true, Substitution::required);
        }
        // the services answer only a scraper that sends their scrape token
        assertThat(String.valueOf(config.get("scrape_configs")))
                .contains("authorization={type=Bearer, credentials_file=/run/secrets/metrics_scrape_token}");
        assertThat(String.valueOf(service("prometheus").get("secrets"))).isEqualTo("[metrics_scrape_token]");
        assertThat(String.valueOf(compose().get("secrets")))
                .isEqualTo("{metrics_scrape_token={environment=METRICS_SCRAPE_TOKEN}}");
    }

    private static String prometheusPort(String prometheus, String module) {
        int at = prometheus.indexOf(module + ":");
        return prometheus.substring(at + module.length() + 1, at + module.length() + 5);
    }

    @Test
    void aVariableWithATypoIsNotRead() {
        EnvironmentContract contract = new EnvironmentContract(SAMPLE_YML);

        assertThat(contract.unreadVariables(List.of(
                        "KAFKA_BOOTSTRAP_SERVER",
                        "SERVER_PORTS",
                        "SAMPLE_ANSWER_DEADLINES",
                        "SUGGESTIONBOX_LINKS_ROUTR",
                        "SUGGESTIONBOX_KAFKA_REPLICATION_FACTOR",
                        "sample_answerdeadline")))
                .hasSize(6)
                .first()
                .asString()
                .startsWith("KAFKA_BOOTSTRAP_SERVER (");
    }

    @Test
    void placeholdersRelaxedBindingAndPlatformPropertiesAreRead() {
        EnvironmentContract contract = new EnvironmentContract(SAMPLE_YML);

        assertThat(contract.unreadVariables(List.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "SERVER_PORT",
                        "SPRING_APPLICATION_NAME",
                        "SAMPLE_ANSWERDEADLINE",
                        "SUGGESTIONBOX_LINKS_ROUTER",
                        "SUGGESTIONBOX_KAFKA_PARTITIONS",
                        "SUGGESTIONBOX_KAFKA_REPLICATIONFACTOR",
                        "JAVA_TOOL_OPTIONS",
                        "SPRING_PROFILES_ACTIVE")))
                .isEmpty();
    }

    @Test
    void readsEnvironmentGivenAsAList() {
        assertThat(EnvironmentContract.environmentOf(Map.of("environment", List.of("A=1", "B=x=y", "C"))))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"), Map.entry("C", ""));
    }

    @Test
    void keycloakIsPinnedAndImportsTheRealm() {
        Map<?, ?> keycloak = service("keycloak");

        Matcher version = IMAGE_VERSION.matcher(String.valueOf(keycloak.get("image")));
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:");
        assertThat(version.matches())
                .as("a pinned x.y.z version, not a moving tag: " + keycloak.get("image"))
                .isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(26);
        assertThat(String.valueOf(keycloak.get("command"))).contains("start-dev", "--import-realm");
        assertThat((List<?>) keycloak.get("volumes"))
                .map(String::valueOf)
                .contains("./" + REALM_FILE + ":/opt/keycloak/data/import/suggestionbox-realm.json:ro");
        assertThat(String.valueOf(keycloak.get("healthcheck"))).contains("/health/ready");
        assertThat(EnvironmentContract.environmentOf(keycloak))
                .containsEntry("KC_HEALTH_ENABLED", "true")
                .containsEntry("KC_HOSTNAME_ADMIN", "http://localhost:8080")
                .containsKeys("KC_HOSTNAME", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @ParameterizedTest
    @CsvSource({
        "suggestion-intake, INTAKE_OIDC_CLIENT_SECRET",
        "suggestion-router, ROUTER_OIDC_CLIENT_SECRET",
        "feedback-notifier, NOTIFIER_OIDC_CLIENT_SECRET"
    })
    void everyServiceSignsInAtKeycloakUnderTheIssuerTheBrowserSees(String module, String secret) {
        Map<?, ?> service = service(module);
        Map<String, String> environment = EnvironmentContract.environmentOf(service);
        String keycloakUrl =
                EnvironmentContract.environmentOf(service("keycloak")).get("KC_HOSTNAME");

        // KC_HOSTNAME fixes the issuer; the service fetches its metadata from the same URL the browser is sent to
        assertThat(environment).containsEntry("OIDC_ISSUER_URI", keycloakUrl + "/realms/suggestionbox");
        assertThat(keycloakUrl).startsWith("http://keycloak:");
        assertThat(String.valueOf(service("keycloak").get("ports"))).contains(":" + keycloakUrl.replaceAll(".*:", ""));
        assertThat(EnvironmentContract.substitutions(environment.get("OIDC_CLIENT_SECRET")))
                .singleElement()
                .returns(secret, Substitution::name)
                .returns(true, Substitution::required);
        assertThat(String.valueOf(merged(service, "depends_on"))).contains("keycloak={condition=service_healthy}");
        assertThat(environment).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void everyVariableTheComposeFileSubstitutesIsRequired() throws IOException {
        List<Substitution> substitutions = EnvironmentContract.substitutions(composeText());

        assertThat(substitutions)
                .isNotEmpty()
                .allSatisfy(substitution -> assertThat(substitution.required())
                        .as(
                                "${%s%s%s} must be ${%s:?why}: no default, no blank",
                                substitution.name(),
                                substitution.modifier(),
                                substitution.argument(),
                                substitution.name())
                        .isTrue());
        Set<String> names = substitutions.stream().map(Substitution::name).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(SECRETS);
    }

    @Test
    void everySecretComesFromTheEnvironment() throws IOException {
        for (Map.Entry<?, ?> service : services().entrySet()) {
            Map<String, String> environment = EnvironmentContract.environmentOf((Map<?, ?>) service.getValue());
            environment.forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(EnvironmentContract.substitutions(value))
                            .as(service.getKey() + " " + name + ": " + value)
                            .singleElement()
                            .returns(true, Substitution::required);
                    assertThat(value)
                            .as(service.getKey() + " " + name)
                            .startsWith("${")
                            .endsWith("}");
                }
            });
        }
        String compose = composeText();
        for (String module : List.of("suggestion-intake", "suggestion-router", "feedback-notifier")) {
            String applicationYml = Files.readString(
                    PROJECT_DIR.resolve(module).resolve("src/main/resources/application.yml"), StandardCharsets.UTF_8);
            for (String demoValue : secretDefaults(applicationYml)) {
                assertThat(compose)
                        .as("a demo secret of " + module + "'s application.yml")
                        .doesNotContain(demoValue);
            }
        }
    }

    @Test
    void theEnvironmentExampleListsExactlyTheRequiredVariablesWithoutValues() throws IOException {
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROJECT_DIR.resolve(".env.example"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(line).as(".env.example line").matches("[A-Z][A-Z0-9_]*=.*");
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Set<String> required = EnvironmentContract.substitutions(composeText()).stream()
                .map(Substitution::name)
                .collect(Collectors.toSet());

        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(required);
        assertThat(example.values())
                .as("no secret value in the example")
                .allSatisfy(value -> assertThat(value).isEmpty());
        assertThat(Files.readAllLines(PROJECT_DIR.resolve(".gitignore"), StandardCharsets.UTF_8))
                .contains(".env");
    }

    @Test
    void theImagesBuildContextHoldsNoSecretButEverySourceItBuilds() throws IOException {
        // the build stage copies the whole context, so .dockerignore alone keeps secrets out of it
        assertThat(Files.readString(PROJECT_DIR.resolve("Dockerfile"), StandardCharsets.UTF_8))
                .contains("COPY . .");
        List<String> ignored = dockerIgnored();

        assertThat(List.of(
                        ".env",
                        ".env.production",
                        "ops/.env",
                        ".local-stack/secrets.properties",
                        ".local-stack/sign-in-key.json",
                        "system-tests/.local-stack/secrets.properties",
                        "data/router.mongo",
                        "secrets.properties",
                        "ops/keys/sign-in-key.json",
                        "ops/keys/signing.jwk",
                        "ops/keys/signing.jwk.json",
                        "ops/tls/server.key",
                        "ops/tls/server.pem",
                        "ops/tls/keystore.p12",
                        "ops/tls/keystore.pfx",
                        "ops/tls/truststore.jks"))
                .allSatisfy(path -> assertThat(dockerIgnores(ignored, path))
                        .as(path + " is left out of the build context")
                        .isTrue());
        List<String> built = new ArrayList<>(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties"));
        try (var modules = Files.list(PROJECT_DIR)) {
            for (Path sources : modules.map(module -> module.resolve("src/main"))
                    .filter(Files::isDirectory)
                    .toList()) {
                built.add(PROJECT_DIR
                        .relativize(sources.getParent().getParent().resolve("pom.xml"))
                        .toString());
                try (var files = Files.walk(sources)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> PROJECT_DIR.relativize(file).toString().replace('\\', '/'))
                            .forEach(built::add);
                }
            }
        }
        assertThat(built)
                .contains("pom.xml", "suggestion-platform/src/main/resources/directory/demo-directory.json")
                .allSatisfy(path -> assertThat(dockerIgnores(ignored, path))
                        .as(path + " is in the build context")
                        .isFalse());
    }

    @Test
    void theRealmsPlaceholdersAreRequiredVariablesPassedToKeycloak() throws IOException {
        String realm = Files.readString(PROJECT_DIR.resolve(REALM_FILE), StandardCharsets.UTF_8);
        Map<String, String> keycloak = EnvironmentContract.environmentOf(service("keycloak"));
        List<Substitution> placeholders = EnvironmentContract.substitutions(realm);

        assertThat(placeholders)
                .extracting(Substitution::name)
                .containsOnly(
                        "DEMO_PASSWORD",
                        "INTAKE_OIDC_CLIENT_SECRET",
                        "ROUTER_OIDC_CLIENT_SECRET",
                        "NOTIFIER_OIDC_CLIENT_SECRET",
                        "HR_SYNC_CLIENT_SECRET");
        for (Substitution placeholder : placeholders) {
            assertThat(placeholder.modifier())
                    .as("Keycloak resolves ${NAME} from its environment")
                    .isEmpty();
            assertThat(EnvironmentContract.substitutions(keycloak.getOrDefault(placeholder.name(), "")))
                    .as("keycloak's " + placeholder.name())
                    .singleElement()
                    .returns(placeholder.name(), Substitution::name)
                    .returns(true, Substitution::required);
        }
    }

    @Test
    void theRealmLimitsSignInAttempts() throws IOException {
        JsonNode realm = realm();

        assertThat(realm.path("bruteForceProtected").asBoolean())
                .as("Keycloak's brute-force detection")
                .isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean())
                .as("nobody signs themselves up")
                .isFalse();
    }

    @Test
    void theRealmHoldsTheDirectorysPeopleInGroupsNamedLikeTheirRoles() throws IOException {
        JsonNode realm = realm();
        JsonNode directory = JSON.readTree(Files.readString(
                PROJECT_DIR.resolve("suggestion-platform/src/main/resources/directory/demo-directory.json"),
                StandardCharsets.UTF_8));

        assertThat(realm.path("realm").asString()).isEqualTo("suggestionbox");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(elements(realm.path("groups")).stream()
                        .map(group -> group.path("name").asString()))
                .containsExactlyInAnyOrder("EMPLOYEE", "OWNER", "LEADER", "ADMIN");
        assertThat(realm.path("users").size()).isEqualTo(directory.size()).isEqualTo(7);
        for (JsonNode person : elements(directory)) {
            String id = person.path("id").asString();
            JsonNode user = elements(realm.path("users")).stream()
                    .filter(candidate -> candidate.path("username").asString().equals(id))
                    .findFirst()
                    .orElseThrow();
            String name = (user.path("firstName").asString() + " "
                            + user.path("lastName").asString(""))
                    .strip();

            assertThat(user.path("id").asString())
                    .as(id + " is the token's sub")
                    .isEqualTo(id);
            assertThat(user.path("email").asString())
                    .isEqualTo(person.path("email").asString());
            assertThat(user.path("emailVerified").asBoolean()).as(id).isTrue();
            assertThat(user.path("enabled").asBoolean()).as(id).isTrue();
            assertThat(name).as(id).isEqualTo(person.path("name").asString());
            assertThat(elements(user.path("groups")).stream().map(JsonNode::asString))
                    .as(id)
                    .containsExactlyInAnyOrderElementsOf(elements(person.path("roles")).stream()
                            .map(role -> "/" + role.asString())
                            .toList());
            assertThat(user.path("credentials")).as(id).singleElement().satisfies(credential -> {
                assertThat(credential.path("type").asString()).isEqualTo("password");
                assertThat(credential.path("value").asString()).isEqualTo("${DEMO_PASSWORD}");
                assertThat(credential.path("temporary").asBoolean()).isFalse();
            });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "suggestion-intake, 8081, INTAKE_OIDC_CLIENT_SECRET",
        "suggestion-router, 8082, ROUTER_OIDC_CLIENT_SECRET",
        "feedback-notifier, 8083, NOTIFIER_OIDC_CLIENT_SECRET"
    })
    void eachServiceIsAConfidentialPkceClientWhoseTokensAreForItAlone(String clientId, int port, String secret)
            throws IOException {
        JsonNode realm = realm();
        JsonNode client = client(realm, clientId);
        JsonNode attributes = client.path("attributes");
        String base = "http://localhost:" + port;

        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).as("confidential").isFalse();
        assertThat(client.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(client.path("secret").asString()).isEqualTo("${" + secret + "}");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(attributes.path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(elements(client.path("redirectUris")).stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(
                        base + "/login/oauth2/code/suggestionbox",
                        "http://127.0.0.1:" + port + "/login/oauth2/code/suggestionbox");
        assertThat(attributes.path("post.logout.redirect.uris").asString().split("##"))
                .containsExactlyInAnyOrder(base + "/", "http://127.0.0.1:" + port + "/");
        // Keycloak reaches the service by its compose name, not by the browser's localhost
        assertThat(attributes.path("backchannel.logout.url").asString())
                .isEqualTo("http://" + clientId + ":" + port + "/logout/connect/back-channel/suggestionbox");
        assertThat(String.valueOf(service(clientId).get("ports"))).contains(port + ":" + port);
        assertThat(attributes.path("backchannel.logout.session.required").asString())
                .isEqualTo("true");

        List<String> scopes = elements(client.path("defaultClientScopes")).stream()
                .map(JsonNode::asString)
                .toList();
        assertThat(scopes).contains("basic", "profile", "email", "suggestionbox-roles", clientId);
        assertThat(mappers(scope(realm, clientId)))
                .as("the " + clientId + " scope")
                .singleElement()
                .satisfies(mapper -> {
                    assertThat(mapper.path("protocolMapper").asString()).isEqualTo("oidc-audience-mapper");
                    assertThat(mapper.path("config")
                                    .path("included.client.audience")
                                    .asString())
                            .isEqualTo(clientId);
                    assertThat(mapper.path("config").path("access.token.claim").asString())
                            .isEqualTo("true");
                });
        for (String scope : scopes) {
            assertThat(mappers(scope(realm, scope)))
                    .as(clientId + "'s " + scope + " scope gives no other audience")
                    .noneSatisfy(mapper -> assertThat(mapper.path("config")
                                    .path("included.client.audience")
                                    .asString(""))
                            .isNotIn("", clientId));
        }
    }

    @Test
    void theRolesClaimCarriesTheGroupNamesInIdAndAccessTokens() throws IOException {
        JsonNode realm = realm();

        assertThat(mappers(scope(realm, "suggestionbox-roles"))).singleElement().satisfies(mapper -> {
            JsonNode config = mapper.path("config");
            assertThat(mapper.path("protocolMapper").asString()).isEqualTo("oidc-group-membership-mapper");
            assertThat(config.path("claim.name").asString()).isEqualTo("roles");
            assertThat(config.path("full.path").asString())
                    .as("EMPLOYEE, not /EMPLOYEE")
                    .isEqualTo("false");
            assertThat(config.path("id.token.claim").asString()).isEqualTo("true");
            assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
        });
        assertThat(mappers(scope(realm, "email"))).anySatisfy(mapper -> {
            assertThat(mapper.path("config").path("claim.name").asString()).isEqualTo("email");
            assertThat(mapper.path("config").path("access.token.claim").asString())
                    .isEqualTo("true");
        });
        assertThat(mappers(scope(realm, "profile"))).anySatisfy(mapper -> {
            assertThat(mapper.path("config").path("user.attribute").asString()).isEqualTo("username");
            assertThat(mapper.path("config").path("claim.name").asString()).isEqualTo("preferred_username");
        });
        assertThat(mappers(scope(realm, "basic")))
                .extracting(mapper -> mapper.path("protocolMapper").asString())
                .contains("oidc-sub-mapper");
    }

    @Test
    void hrSyncIsAMachineClientActingAsTheAdminForTheRouter() throws IOException {
        JsonNode realm = realm();
        JsonNode hrSync = client(realm, "hr-sync");

        assertThat(hrSync.path("publicClient").asBoolean()).isFalse();
        assertThat(hrSync.path("secret").asString()).isEqualTo("${HR_SYNC_CLIENT_SECRET}");
        assertThat(hrSync.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(hrSync.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(hrSync.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(elements(hrSync.path("redirectUris"))).isEmpty();
        assertThat(hardcodedClaims(hrSync))
                .containsEntry("email", "admin@suggestionbox.example")
                .containsEntry("roles", "[\"ADMIN\"]");
        assertThat(mappers(hrSync))
                .filteredOn(mapper ->
                        mapper.path("config").path("claim.name").asString().equals("roles"))
                .singleElement()
                .satisfies(mapper -> assertThat(
                                mapper.path("config").path("jsonType.label").asString())
                        .isEqualTo("JSON"));
        // it asks for scope=suggestion-router and gets aud=suggestion-router
        assertThat(elements(hrSync.path("optionalClientScopes")).stream().map(JsonNode::asString))
                .containsExactly("suggestion-router");
        assertThat(elements(hrSync.path("defaultClientScopes")).stream().map(JsonNode::asString))
                .doesNotContain("suggestion-intake", "suggestion-router", "feedback-notifier", "suggestionbox-roles");
    }

    @Test
    void aDefaultABlankAllowingCheckOrABareVariableIsNotRequired() {
        assertThat(EnvironmentContract.substitutions(
                        "a: ${A:-x}\nb: ${B}\nc: $C\nd: ${D?why}\ne: ${E:?}\nf: $${F}\ng: ${G:?set G}\nh: ${H:+x}"))
                .containsExactly(
                        new Substitution("A", ":-", "x"),
                        new Substitution("B", "", ""),
                        new Substitution("C", "", ""),
                        new Substitution("D", "?", "why"),
                        new Substitution("E", ":?", ""),
                        new Substitution("G", ":?", "set G"),
                        new Substitution("H", ":+", "x"))
                .filteredOn(Substitution::required)
                .extracting(Substitution::name)
                .containsExactly("G");
    }

    @Test
    void aSecretsDemoDefaultInApplicationYmlIsFound() {
        assertThat(secretDefaults("""
                a:
                  secret: ${WEBHOOK_SECRET:local-webhook}
                  off: ${SLACK_BOT_TOKEN:}
                  port: ${SERVER_PORT:8081}
                  key: ${ANONYMITY_KEY_LOCAL_1:c2VjcmV0}
                """)).containsExactlyInAnyOrder("local-webhook", "c2VjcmV0");
    }

    /** The non-blank defaults an application.yml gives to variables whose names say they hold a secret. */
    private static Set<String> secretDefaults(String applicationYml) {
        Set<String> defaults = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}").matcher(applicationYml);
        while (matcher.find()) {
            if (SECRET_NAME.matcher(matcher.group(1)).matches()
                    && !matcher.group(2).isBlank()) {
                defaults.add(matcher.group(2));
            }
        }
        return defaults;
    }

    /**
     * A service's {@code key}, given directly or merged in ({@code <<: *service-defaults}, which a YAML 1.2
     * parser leaves as a plain {@code <<} key).
     */
    private static @Nullable Object merged(Map<?, ?> service, String key) {
        if (service.containsKey(key)) {
            return service.get(key);
        }
        return service.get("<<") instanceof Map<?, ?> defaults ? defaults.get(key) : null;
    }

    private static Map<String, String> hardcodedClaims(JsonNode client) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (JsonNode mapper : mappers(client)) {
            if (mapper.path("protocolMapper").asString().equals("oidc-hardcoded-claim-mapper")
                    && mapper.path("config")
                            .path("access.token.claim")
                            .asString()
                            .equals("true")) {
                claims.put(
                        mapper.path("config").path("claim.name").asString(),
                        mapper.path("config").path("claim.value").asString());
            }
        }
        return claims;
    }

    private static JsonNode realm() throws IOException {
        return JSON.readTree(Files.readString(PROJECT_DIR.resolve(REALM_FILE), StandardCharsets.UTF_8));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return elements(realm.path("clients")).stream()
                .filter(client -> client.path("clientId").asString().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId + " in the realm"));
    }

    private static JsonNode scope(JsonNode realm, String name) {
        return elements(realm.path("clientScopes")).stream()
                .filter(scope -> scope.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client scope " + name + " in the realm"));
    }

    private static List<JsonNode> mappers(JsonNode clientOrScope) {
        return elements(clientOrScope.path("protocolMappers"));
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The patterns of {@code .dockerignore}, in order. */
    private static List<String> dockerIgnored() throws IOException {
        return Files.readAllLines(PROJECT_DIR.resolve(".dockerignore"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /**
     * Whether Docker leaves {@code path} out of the build context, as its pattern matcher decides: a pattern that
     * matches the path or one of its directories excludes it, a {@code !pattern} includes it again, the last one
     * that matches wins; {@code *} and {@code ?} stay within a directory, {@code **} crosses them and {@code **}{@code
     * /} matches no directory too.
     */
    private static boolean dockerIgnores(List<String> patterns, String path) {
        List<String> candidates = new ArrayList<>();
        String[] parts = path.split("/");
        for (int i = 1; i <= parts.length; i++) {
            candidates.add(String.join("/", Arrays.copyOfRange(parts, 0, i)));
        }
        boolean ignored = false;
        for (String line : patterns) {
            boolean include = line.startsWith("!");
            Pattern pattern = dockerPattern(include ? line.substring(1) : line);
            if (candidates.stream()
                    .anyMatch(candidate -> pattern.matcher(candidate).matches())) {
                ignored = !include;
            }
        }
        return ignored;
    }

    private static Pattern dockerPattern(String glob) {
        String pattern = glob.startsWith("/") ? glob.substring(1) : glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && pattern.startsWith("**/", i)) {
                regex.append("(.*/)?");
                i += 2;
            } else if (c == '*' && pattern.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String composeText() throws IOException {
        return Files.readString(PROJECT_DIR.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    }

    private static Map<?, ?> services() {
        Object services = compose().get("services");
        assertThat(services).isInstanceOf(Map.class);
        return (Map<?, ?>) services;
    }

    private static Map<?, ?> compose() {
        try {
            Object compose = new Load(LoadSettings.builder().build())
                    .loadFromString(
                            Files.readString(PROJECT_DIR.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
            assertThat(compose).isInstanceOf(Map.class);
            return (Map<?, ?>) compose;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<?, ?> service(String name) {
        Object service = services().get(name);
        assertThat(service).as(name).isInstanceOf(Map.class);
        return (Map<?, ?>) service;
    }
}
