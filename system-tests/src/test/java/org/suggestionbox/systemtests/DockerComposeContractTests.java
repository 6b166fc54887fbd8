package org.suggestionbox.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its contract is checked instead: it parses,
 * has the infrastructure and the three services, and passes each service only variables it reads.
 */
class DockerComposeContractTests {

    private static final Path PROJECT_DIR = Path.of(System.getProperty("suggestionbox.project-dir", ".."));

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
        assertThat(services().keySet().stream().map(String::valueOf).toList()).contains("kafka", "mongodb", "mailpit",
                "suggestion-intake", "suggestion-router", "feedback-notifier");
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(service("mongodb").get("image"))).startsWith("mongo:");
        assertThat(String.valueOf(service("mongodb").get("command"))).contains("--replSet");
        assertThat(String.valueOf(service("mailpit").get("image"))).startsWith("axllent/mailpit");
    }

    @ParameterizedTest
    @ValueSource(strings = { "suggestion-intake", "suggestion-router", "feedback-notifier" })
    void everyVariablePassedToAServiceIsOneItReads(String module) throws IOException {
        Map<?, ?> service = service(module);
        Map<String, String> environment = EnvironmentContract.environmentOf(service);
        EnvironmentContract contract = new EnvironmentContract(
                Files.readString(PROJECT_DIR.resolve(module).resolve("src/main/resources/application.yml"),
                        StandardCharsets.UTF_8));

        assertThat(environment).as(module + " environment").containsKeys("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(contract.unreadVariables(environment.keySet())).as(module + " is passed variables it never reads")
                .isEmpty();
        assertThat(String.valueOf(service.get("build"))).contains("MODULE=" + module);
    }

    @Test
    void everyBindMountedFileExists() {
        for (Map.Entry<?, ?> service : services().entrySet()) {
            if (((Map<?, ?>) service.getValue()).get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(PROJECT_DIR.resolve(source)).as(service.getKey() + " mounts " + source).exists();
                    }
                }
            }
        }
    }

    @Test
    void prometheusScrapesTheThreeServicesWhereTheyListen() throws IOException {
        String prometheus = Files.readString(PROJECT_DIR.resolve("ops/prometheus/prometheus.yml"), StandardCharsets.UTF_8);
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(prometheus);

        assertThat(String.valueOf(config.get("scrape_configs"))).contains("metrics_path=/actuator/prometheus")
                .contains("suggestion-intake:8081", "suggestion-router:8082", "feedback-notifier:8083");
        for (String module : List.of("suggestion-intake", "suggestion-router", "feedback-notifier")) {
            assertThat(String.valueOf(service(module).get("ports"))).contains(prometheusPort(prometheus, module));
        }
    }

    private static String prometheusPort(String prometheus, String module) {
        int at = prometheus.indexOf(module + ":");
        return prometheus.substring(at + module.length() + 1, at + module.length() + 5);
    }

    @Test
    void aVariableWithATypoIsNotRead() {
        EnvironmentContract contract = new EnvironmentContract(SAMPLE_YML);

        assertThat(contract.unreadVariables(List.of("KAFKA_BOOTSTRAP_SERVER", "SERVER_PORTS", "SAMPLE_ANSWER_DEADLINES",
                "SUGGESTIONBOX_LINKS_ROUTR", "SUGGESTIONBOX_KAFKA_REPLICATION_FACTOR", "sample_answerdeadline")))
                .hasSize(6)
                .first().asString().startsWith("KAFKA_BOOTSTRAP_SERVER (");
    }

    @Test
    void placeholdersRelaxedBindingAndPlatformPropertiesAreRead() {
        EnvironmentContract contract = new EnvironmentContract(SAMPLE_YML);

        assertThat(contract.unreadVariables(List.of("KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT", "SPRING_APPLICATION_NAME",
                "SAMPLE_ANSWERDEADLINE", "SUGGESTIONBOX_LINKS_ROUTER", "SUGGESTIONBOX_KAFKA_PARTITIONS",
                "SUGGESTIONBOX_KAFKA_REPLICATIONFACTOR", "JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE"))).isEmpty();
    }

    @Test
    void readsEnvironmentGivenAsAList() {
        assertThat(EnvironmentContract.environmentOf(Map.of("environment", List.of("A=1", "B=x=y", "C"))))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"), Map.entry("C", ""));
    }

    private static Map<?, ?> services() {
        try {
            Object compose = new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(PROJECT_DIR.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
            assertThat(compose).isInstanceOf(Map.class);
            Object services = ((Map<?, ?>) compose).get("services");
            assertThat(services).isInstanceOf(Map.class);
            return (Map<?, ?>) services;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<?, ?> service(String name) {
        Object service = services().get(name);
        assertThat(service).as(name).isInstanceOf(Map.class);
        return (Map<?, ?>) service;
    }
}
