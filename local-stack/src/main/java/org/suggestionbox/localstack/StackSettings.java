package org.suggestionbox.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link LocalStack} runs and where, as its {@link LocalStack.Builder} left it; and the addresses
 * that follow from it: the local infrastructure's, or the external one's when the environment names one.
 *
 * @param dataDir absolute: Kafka's log, the MongoDB file, keys, mail and the logs
 * @param projectDir the repository root holding the services' executable jars
 * @param externals infrastructure that runs elsewhere and is used instead of the local one
 * @param serviceEnvironment more variables for every service, over the stack's own
 * @param services the {@link LocalStack#SERVICES} this stack runs, in start order
 * @param kafkaClasspath the classpath the Kafka broker (and the stand-in processes) run with: it holds the
 *     Kafka server jars and this module
 * @param standInProcesses whether the MongoDB-wire server and the SMTP capture run each in its own child JVM
 *     ({@link StandIns}) instead of the launcher's, so their CPU and memory can be measured apart
 * @param aotCache whether the services start with Java 25's AOT cache of their jar, trained once per jar
 * @param mongoHeapMegabytes the MongoDB-wire server's heap when it runs in a process of its own
 * @param smtpHeapMegabytes the SMTP capture's heap when it runs in a process of its own: it keeps the newest
 *     {@value MailCapture#KEPT} mails
 * @param mongoInMemory whether the MongoDB-wire server keeps its data in memory instead of {@code mongo.mv}: it
 *     survives the server's restarts, not the launcher's
 * @param serviceNiceness the scheduling niceness the services run at ({@code nice -n}; 0: as the launcher)
 */
record StackSettings(
        Path dataDir,
        Path projectDir,
        Ports ports,
        Externals externals,
        Map<String, String> serviceEnvironment,
        boolean startKafka,
        boolean startMongo,
        boolean startSmtp,
        boolean startServices,
        boolean startSignIn,
        boolean demoData,
        List<String> services,
        Duration healthTimeout,
        int mongoCacheMegabytes,
        int mongoHeapMegabytes,
        int smtpHeapMegabytes,
        String kafkaClasspath,
        List<String> serviceJvmOptions,
        boolean standInProcesses,
        boolean aotCache,
        boolean mongoInMemory,
        int serviceNiceness) {

    StackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        services = List.copyOf(services);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (serviceNiceness < 0 || serviceNiceness > 19) {
            throw new IllegalArgumentException("A niceness from 0 to 19, not " + serviceNiceness);
        }
    }

    Path logsDir() {
        return this.dataDir.resolve("logs");
    }

    /** {@code <data dir>/logs/<name>.log}. */
    Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    String kafkaBootstrapServers() {
        String external = this.externals.kafkaBootstrapServers();
        return external != null ? external : "127.0.0.1:" + this.ports.kafka();
    }

    String mongoUri() {
        String external = this.externals.mongoUri();
        return external != null ? external : "mongodb://127.0.0.1:" + this.ports.mongo();
    }

    String smtpHost() {
        String external = this.externals.smtpHost();
        return external != null ? external : "127.0.0.1";
    }

    int smtpPort() {
        return this.externals.smtpHost() != null ? this.externals.smtpPort() : this.ports.smtp();
    }

    /** Whether the stack starts its own Kafka broker: asked to, and no external one is named. */
    boolean ownKafka() {
        return this.startKafka && this.externals.kafkaBootstrapServers() == null;
    }

    boolean ownMongo() {
        return this.startMongo && this.externals.mongoUri() == null;
    }

    boolean ownSmtp() {
        return this.startSmtp && this.externals.smtpHost() == null;
    }

    String signInUrl() {
        return localUrl(this.ports.signIn());
    }

    String intakeUrl() {
        return localUrl(this.ports.intake());
    }

    String routerUrl() {
        return localUrl(this.ports.router());
    }

    String notifierUrl() {
        return localUrl(this.ports.notifier());
    }

    /** The documented port of one of the {@link LocalStack#SERVICES}: its first instance's. */
    int port(String module) {
        return switch (module) {
            case "suggestion-intake" -> this.ports.intake();
            case "suggestion-router" -> this.ports.router();
            case "feedback-notifier" -> this.ports.notifier();
            default -> throw new IllegalArgumentException("Unknown service " + module);
        };
    }

    static String localUrl(int port) {
        return "http://localhost:" + port;
    }
}
