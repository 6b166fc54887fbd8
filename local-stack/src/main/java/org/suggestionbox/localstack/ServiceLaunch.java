package org.suggestionbox.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service process is launched: the one place that builds its command line (the JVM options and
 * executable jar) and its environment (ports, infrastructure addresses, secrets, links between the
 * services, the builder's extra variables).
 */
final class ServiceLaunch {

    private final StackSettings settings;

    ServiceLaunch(StackSettings settings) {
        this.settings = settings;
    }

    /** Instance 1 of a service, on its documented port and with the log file {@code <module>.log}. */
    ServiceProcess first(String module, LocalSecrets secrets) {
        return instance(module, 1, this.settings.port(module), secrets);
    }

    /** Another instance of a service on its own port, with the log file {@code <module>-<n>.log}. */
    ServiceProcess instance(String module, int instance, int port, LocalSecrets secrets) {
        Map<String, String> environment = serviceEnvironment(module, secrets);
        environment.put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(
                module,
                instance,
                port,
                command(module),
                environment,
                this.settings.logFile(ServiceProcess.label(module, instance)));
    }

    ServiceProcess signInProvider(LocalSecrets secrets) {
        return new ServiceProcess(
                LocalStack.SIGN_IN_PROVIDER,
                1,
                this.settings.ports().signIn(),
                command(LocalStack.SIGN_IN_PROVIDER),
                signInEnvironment(secrets),
                this.settings.logFile(LocalStack.SIGN_IN_PROVIDER));
    }

    /**
     * {@code [nice -n <niceness>] java <service JVM options> [-XX:AOTCache=<cache>] -jar <jar>}, on the launcher's
     * own JDK. With the settings' AOT cache (Java 25's ahead-of-time class loading and linking: classes come parsed
     * and linked from the cache) and an {@linkplain #extractedJar extracted form} of the module's executable jar no
     * older than it, the service runs from that form, with the {@linkplain #aotCache cache} once one no older than
     * the form exists; otherwise from the executable jar. {@code nice} replaces itself with the JVM, so the process
     * started is the service's.
     */
    List<String> command(String module) {
        List<String> command = new ArrayList<>();
        if (this.settings.serviceNiceness() > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(this.settings.serviceNiceness())));
        }
        command.add(JavaCommand.current());
        command.addAll(this.settings.serviceJvmOptions());
        Path jar = executableJar(module);
        if (this.settings.aotCache() && isFresh(extractedJar(module), jar)) {
            jar = extractedJar(module);
            Path cache = aotCache(module);
            if (isFresh(cache, jar)) {
                command.add("-XX:AOTCache=" + cache);
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /**
     * Extracts a module's executable jar into {@code destination} with Spring Boot's jar tools: a jar of the
     * application's classes whose manifest puts the libraries beside it in {@code lib/} on the class path.
     */
    List<String> extractCommand(String module, Path destination) {
        return List.of(
                JavaCommand.current(),
                "-Djarmode=tools",
                "-jar",
                executableJar(module).toString(),
                "extract",
                "--destination",
                destination.toString());
    }

    /**
     * The training run that writes a service's {@linkplain #aotCache AOT cache}: the service's own command line on
     * its {@linkplain #extractedJar extracted form} with {@code -XX:AOTCacheOutput}, ended by Spring right after its
     * context refreshed ({@code -Dspring.context.exit=onRefresh}: every bean created, no listener started), so it
     * needs the infrastructure running but takes no traffic. The cache is written to {@code output}, and moved to
     * {@link #aotCache} once complete, so a service never starts from a half-written cache.
     */
    List<String> trainingCommand(String module, Path output) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.current());
        command.addAll(this.settings.serviceJvmOptions());
        command.add("-XX:AOTCacheOutput=" + output);
        command.add("-Dspring.context.exit=onRefresh");
        command.addAll(List.of("-jar", extractedJar(module).toString()));
        return command;
    }

    /**
     * The executable jar's extracted form: {@code <jar without .jar>/<jar>} next to it. The JVM caches only classes
     * its own loaders read from the class path, not those Spring Boot's launcher reads from the jars nested in the
     * executable jar, so a cache trained on the executable jar holds little more than the JDK's classes (Spring
     * Boot's reference, "AOT Cache": "You have to use the cache file with the extracted form of the application,
     * otherwise it has no effect").
     */
    Path extractedJar(String module) {
        return extractedDirectory(module)
                .resolve(executableJar(module).getFileName().toString());
    }

    /** The directory of the {@linkplain #extractedJar extracted form}: {@code <jar without .jar>} next to the jar. */
    Path extractedDirectory(String module) {
        Path jar = executableJar(module);
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()));
    }

    /**
     * The AOT cache of a service: {@code <extracted jar without .jar>.aot} next to its {@linkplain #extractedJar
     * extracted jar}, so a rebuilt jar (extracted again) is trained again.
     */
    Path aotCache(String module) {
        Path jar = extractedJar(module);
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".aot");
    }

    /** Whether {@code file} exists and is not older than {@code source}, the jar it was made from. */
    static boolean isFresh(Path file, Path source) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(source)) >= 0;
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * A service's: its port, the infrastructure, the local profile, its own secrets, the sign-in provider
     * (when the stack runs it), the links to the other services, then the builder's extra variables.
     */
    Map<String, String> serviceEnvironment(String module, LocalSecrets secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(this.settings.port(module)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", this.settings.kafkaBootstrapServers());
        environment.put("MONGODB_URI", this.settings.mongoUri());
        environment.put("SMTP_HOST", this.settings.smtpHost());
        environment.put("SMTP_PORT", Integer.toString(this.settings.smtpPort()));
        environment.put("MAIL_FROM", "suggestions@suggestionbox.example");
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.putAll(secrets.environmentFor(module));
        if (this.settings.startSignIn()) {
            environment.put("OIDC_ISSUER_URI", this.settings.signInUrl());
        }
        environment.put("SUGGESTIONBOX_LINKS_INTAKE", this.settings.intakeUrl());
        environment.put("SUGGESTIONBOX_LINKS_ROUTER", this.settings.routerUrl());
        environment.put("SUGGESTIONBOX_LINKS_NOTIFIER", this.settings.notifierUrl());
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        environment.putAll(this.settings.serviceEnvironment());
        return environment;
    }

    /**
     * The sign-in provider's: its issuer, the demo people's password (local profile), a signing key kept in
     * the data directory (tokens stay valid across restarts), each service's base URLs under both
     * {@code localhost} and {@code 127.0.0.1}, and the client secrets the services hold.
     */
    Map<String, String> signInEnvironment(LocalSecrets secrets) {
        Ports ports = this.settings.ports();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(ports.signIn()));
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SIGNIN_ISSUER", this.settings.signInUrl());
        environment.put(
                "SIGNIN_JWK_LOCATION",
                this.settings.dataDir().resolve("sign-in-key.json").toString());
        environment.put("INTAKE_BASE_URLS", baseUrls(ports.intake()));
        environment.put("ROUTER_BASE_URLS", baseUrls(ports.router()));
        environment.put("NOTIFIER_BASE_URLS", baseUrls(ports.notifier()));
        environment.putAll(secrets.environmentFor(LocalSecrets.SIGN_IN_PROVIDER));
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        return environment;
    }

    private static String baseUrls(int port) {
        return "http://localhost:" + port + ",http://127.0.0.1:" + port;
    }

    /** The executable jar {@code <project dir>/<module>/target/<module>-<version>-exec.jar}. */
    Path executableJar(String module) {
        Path target = this.settings
                .projectDir()
                .resolve(module)
                .resolve("target")
                .toAbsolutePath()
                .normalize();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException ex) {
            // reported below
        }
        throw new IllegalStateException("No executable jar of " + module + " in " + target
                + "; build it first with ./mvnw install -DskipTests");
    }
}
