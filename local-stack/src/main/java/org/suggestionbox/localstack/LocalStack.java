package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Suggestion Box on one machine: Kafka, MongoDB-wire server, SMTP capture with a mail viewer and
 * the three services, each replaced by an external one when {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI} or {@code SMTP_HOST} is set in the {@linkplain Builder#environment environment}.
 * Data lives in the data directory and survives restarts. Start with {@link #start()}, stop with
 * {@link #close()} (also run by a shutdown hook on Ctrl-C).
 *
 * <p>For fault injection and scale-out it can also kill and restart a service, stop the Kafka broker or
 * the MongoDB-wire server and start it again on the same port and data, and run more instances of a
 * service next to the first one ({@link #addInstance}, {@link #removeInstance}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** The services in start order, by Maven module name. */
    public static final List<String> SERVICES = List.of("suggestion-intake", "suggestion-router", "feedback-notifier");

    static final String DEMO_DATA_MARKER = "demo-data.done";

    /** The module of the local OpenID Connect provider, started before the services. */
    public static final String SIGN_IN_PROVIDER = LocalSecrets.SIGN_IN_PROVIDER;

    private final Builder settings;

    private final Externals externals;

    private final Path dataDir;

    /** Written by restarts on fault-injection threads too. */
    private final Map<String, Duration> timings = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /** Every running service instance; changed while other threads read it during fault injection. */
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

    private @Nullable KafkaBroker kafka;

    private @Nullable MongoWireServer mongo;

    private @Nullable MailCapture mail;

    private @Nullable MailViewer mailViewer;

    private @Nullable ServiceProcess signIn;

    private @Nullable Thread shutdownHook;

    private LocalStack(Builder settings) {
        this.settings = settings;
        this.externals = Externals.from(settings.environment);
        this.dataDir = settings.dataDir.toAbsolutePath().normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts what is configured and waits until every service is healthy; on failure stops what it
     * started and throws with the reason (and the first lines of the failing process's log).
     */
    public synchronized LocalStack start() {
        if (this.shutdownHook != null) {
            throw new IllegalStateException("This local stack is already started");
        }
        long started = System.nanoTime();
        Map<String, Path> jars = new LinkedHashMap<>();
        if (this.settings.startServices) {
            if (this.settings.startSignIn) {
                jars.put(SIGN_IN_PROVIDER, executableJar(SIGN_IN_PROVIDER));
            }
            this.settings.services.forEach(module -> jars.put(module, executableJar(module)));
        }
        registerShutdownHook();
        try {
            Files.createDirectories(logsDir());
            startInfrastructure();
            if (this.settings.startServices) {
                startServices(jars);
                if (this.settings.demoData) {
                    loadDemoDataOnce();
                }
            }
        }
        catch (IOException ex) {
            close();
            throw new UncheckedIOException(ex);
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
        this.timings.put("total", Duration.ofNanos(System.nanoTime() - started));
        return this;
    }

    private void startInfrastructure() {
        Ports ports = this.settings.ports;
        if (this.externals.mongoUri() == null && this.settings.startMongo) {
            time("mongo", () -> {
                MongoWireServer server = new MongoWireServer(this.dataDir.resolve("mongo.mv"), ports.mongo(),
                        this.settings.mongoCacheMegabytes);
                this.mongo = server;
                server.start();
            });
        }
        if (this.externals.smtpHost() == null && this.settings.startSmtp) {
            time("smtp", () -> {
                MailCapture capture = new MailCapture(ports.smtp(), this.dataDir.resolve("mail"));
                this.mail = capture;
                capture.start();
                MailViewer viewer = new MailViewer(ports.mailViewer(), capture::allMessages);
                this.mailViewer = viewer;
                viewer.start();
            });
        }
        if (this.externals.kafkaBootstrapServers() == null && this.settings.startKafka) {
            time("kafka", () -> {
                KafkaBroker broker = new KafkaBroker(this.dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                        this.settings.kafkaClasspath, logsDir().resolve("kafka.log"));
                this.kafka = broker;
                LOG.info("Starting Kafka broker on {} (log: {})", broker.bootstrapServers(), broker.logFile());
                broker.start();
            });
        }
    }

    private void startServices(Map<String, Path> jars) {
        long started = System.nanoTime();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(this.dataDir);
        LOG.info("Services run with the local profile and the secrets in {}", this.dataDir.resolve(LocalSecrets.FILE_NAME));
        if (this.settings.startSignIn) {
            // first, though nobody waits for it: the services ask the provider for its configuration on first use
            ServiceProcess provider = new ServiceProcess(SIGN_IN_PROVIDER, 1, Objects.requireNonNull(jars.get(SIGN_IN_PROVIDER)),
                    this.settings.ports.signIn(), signInEnvironment(secrets), logsDir().resolve(SIGN_IN_PROVIDER + ".log"),
                    this.settings.serviceJvmOptions);
            LOG.info("Starting the sign-in provider on {} (log: {})", signInUrl(), provider.logFile());
            provider.start();
            this.signIn = provider;
        }
        for (String module : this.settings.services) {
            ServiceProcess service = new ServiceProcess(module, 1, Objects.requireNonNull(jars.get(module)), port(module),
                    serviceEnvironment(module, secrets), logsDir().resolve(module + ".log"), this.settings.serviceJvmOptions);
            LOG.info("Starting {} on port {} (log: {})", module, service.port(), service.logFile());
            service.start();
            this.services.add(service);
        }
        List<ServiceProcess> starting = new ArrayList<>(this.services);
        ServiceProcess provider = this.signIn;
        if (provider != null) {
            starting.add(provider);
        }
        awaitHealthy(starting, started, "");
    }

    /**
     * Kills a running service's JVM at once, as a crash would: SIGKILL, no shutdown hooks, no graceful
     * close of Kafka clients or HTTP connections. Waits until the process is gone.
     *
     * @param module one of the {@link #SERVICES} this stack runs
     */
    public void kill(String module) {
        kill(module, 1);
    }

    /** Kills one instance of a service with SIGKILL, like {@link #kill(String)}; instance 1 is the first. */
    public void kill(String module, int instance) {
        ServiceProcess service = service(module, instance);
        LOG.info("Killing {} (pid {}) with SIGKILL", service.label(), service.pid());
        service.kill(Duration.ofSeconds(10));
    }

    /**
     * Starts a service that was {@linkplain #kill killed} again, with the same port, environment and log
     * file, and waits until it is healthy (at most the health timeout).
     */
    public void restart(String module) {
        restart(module, 1);
    }

    /** Starts a killed instance of a service again, like {@link #restart(String)}. */
    public void restart(String module, int instance) {
        ServiceProcess service = service(module, instance);
        if (!service.hasExited()) {
            throw new IllegalStateException(service.label() + " is still running; kill it first");
        }
        long started = System.nanoTime();
        LOG.info("Restarting {} on port {}", service.label(), service.port());
        service.start();
        awaitHealthy(List.of(service), started, " restart");
    }

    /**
     * Starts one more instance of a service on a free port, with the same environment as the first
     * (so it joins the same consumer groups and database) and its own log file {@code <module>-<n>.log},
     * and waits until it is healthy.
     *
     * @return the new instance's number (2, 3, ...; a number freed by {@link #removeInstance} is reused)
     */
    public int addInstance(String module) {
        ServiceProcess first = service(module, 1);
        ServiceProcess service;
        synchronized (this) {
            int instance = 2;
            while (instanceOf(module, instance).isPresent()) {
                instance++;
            }
            int port = FreePorts.next();
            Map<String, String> environment = serviceEnvironment(module, LocalSecrets.loadOrCreate(this.dataDir));
            environment.put("SERVER_PORT", Integer.toString(port));
            service = new ServiceProcess(module, instance, executableJar(module), port, environment,
                    logsDir().resolve(module + "-" + instance + ".log"), this.settings.serviceJvmOptions);
            this.services.add(service);
        }
        long started = System.nanoTime();
        LOG.info("Starting {} on port {} next to {} (log: {})", service.label(), service.port(), first.baseUrl(),
                service.logFile());
        service.start();
        awaitHealthy(List.of(service), started, "");
        return service.instance();
    }

    /**
     * Stops an instance added with {@link #addInstance} gracefully (SIGTERM: Spring closes its Kafka
     * consumers, so the group rebalances at once) and waits until it is gone; forces it after 30 s.
     */
    public void removeInstance(String module, int instance) {
        if (instance == 1) {
            throw new IllegalArgumentException("Instance 1 of " + module + " stays; kill and restart it instead");
        }
        ServiceProcess service = service(module, instance);
        LOG.info("Stopping {} (pid {})", service.label(), service.pid());
        service.requestStop();
        service.awaitStopped(Duration.ofSeconds(30));
        this.services.remove(service);
    }

    /** The base URLs of the instances of a service this stack runs, instance 1 first. */
    public List<String> instanceUrls(String module) {
        return this.services.stream().filter(service -> service.name().equals(module))
                .sorted(java.util.Comparator.comparingInt(ServiceProcess::instance)).map(ServiceProcess::baseUrl)
                .toList();
    }

    private ServiceProcess service(String module, int instance) {
        return instanceOf(module, instance).orElseThrow(() -> new IllegalArgumentException("This stack runs no "
                + module + " instance " + instance + "; it runs "
                + this.services.stream().map(ServiceProcess::label).toList()));
    }

    private Optional<ServiceProcess> instanceOf(String module, int instance) {
        return this.services.stream().filter(service -> service.name().equals(module) && service.instance() == instance)
                .findFirst();
    }

    /**
     * Stops the Kafka broker this stack runs cleanly (SIGTERM) and waits until it is gone; its data stays
     * and {@link #startKafka()} starts it again on the same ports. Clients see the broker vanish.
     */
    public void stopKafka() {
        KafkaBroker broker = runningKafka();
        LOG.info("Stopping Kafka (pid {})", broker.pid());
        broker.close();
    }

    /** Starts the broker stopped with {@link #stopKafka()} again, same ports and data, and waits until it answers. */
    public void startKafka() {
        KafkaBroker broker = this.kafka;
        if (broker == null) {
            throw new IllegalStateException("This stack runs no Kafka broker of its own");
        }
        if (broker.isRunning()) {
            throw new IllegalStateException("Kafka is running; stop it first");
        }
        long started = System.nanoTime();
        broker.start();
        this.timings.put("kafka restart", Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Kafka is up again after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private KafkaBroker runningKafka() {
        KafkaBroker broker = this.kafka;
        if (broker == null || !broker.isRunning()) {
            throw new IllegalStateException("This stack runs no Kafka broker of its own, or it is stopped");
        }
        return broker;
    }

    /**
     * Stops the MongoDB-wire server: it stops listening, drops every client connection and closes its
     * file. {@link #startMongo()} serves the same file on the same port again.
     */
    public void stopMongo() {
        MongoWireServer server = this.mongo;
        if (server == null || !server.isRunning()) {
            throw new IllegalStateException("This stack runs no MongoDB-wire server of its own, or it is stopped");
        }
        LOG.info("Stopping the MongoDB-wire server on {}", server.uri());
        server.close();
    }

    /** Starts the MongoDB-wire server stopped with {@link #stopMongo()} again, same port and file. */
    public void startMongo() {
        MongoWireServer server = this.mongo;
        if (server == null) {
            throw new IllegalStateException("This stack runs no MongoDB-wire server of its own");
        }
        if (server.isRunning()) {
            throw new IllegalStateException("The MongoDB-wire server is running; stop it first");
        }
        server.start();
        LOG.info("The MongoDB-wire server is up again on {}", server.uri());
    }

    private void awaitHealthy(List<ServiceProcess> services, long startedNanos, String timingSuffix) {
        long deadline = startedNanos + this.settings.healthTimeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        Map<String, String> reasons = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            for (var iterator = waiting.iterator(); iterator.hasNext();) {
                ServiceProcess service = iterator.next();
                String reason = service.unhealthyReason();
                if (reason == null) {
                    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
                    this.timings.put(service.label() + timingSuffix, took);
                    LOG.info("{} is up after {} ms", service.label(), took.toMillis());
                    iterator.remove();
                }
                else if (service.hasExited()) {
                    throw new IllegalStateException("%s %s before it became healthy:%n%s"
                            .formatted(service.label(), reason, ProcessLogs.excerpt(service.logFile(), 40)));
                }
                else {
                    reasons.put(service.label(), reason);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not healthy within " + this.settings.healthTimeout.toSeconds() + " s:");
                for (ServiceProcess service : waiting) {
                    message.append(System.lineSeparator()).append("  ").append(service.label()).append(": ")
                            .append(reasons.get(service.label())).append(System.lineSeparator())
                            .append(ProcessLogs.excerpt(service.logFile(), 40));
                }
                throw new IllegalStateException(message.toString());
            }
            if (!waiting.isEmpty()) {
                Pause.pause(Duration.ofMillis(500));
            }
        }
    }

    Map<String, String> serviceEnvironment(String module, LocalSecrets secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port(module)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        environment.put("MONGODB_URI", mongoUri());
        environment.put("SMTP_HOST", smtpHost());
        environment.put("SMTP_PORT", Integer.toString(smtpPort()));
        environment.put("MAIL_FROM", "suggestions@suggestionbox.example");
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.putAll(secrets.environmentFor(module));
        if (this.settings.startSignIn) {
            environment.put("OIDC_ISSUER_URI", signInUrl());
        }
        environment.put("SUGGESTIONBOX_LINKS_INTAKE", intakeUrl());
        environment.put("SUGGESTIONBOX_LINKS_ROUTER", routerUrl());
        environment.put("SUGGESTIONBOX_LINKS_NOTIFIER", notifierUrl());
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        environment.putAll(this.settings.serviceEnvironment);
        return environment;
    }

    /**
     * The sign-in provider's: its issuer, the demo people's password (local profile), a signing key kept in
     * the data directory (tokens stay valid across restarts), each service's base URLs under both
     * {@code localhost} and {@code 127.0.0.1}, and the client secrets the services hold.
     */
    Map<String, String> signInEnvironment(LocalSecrets secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(this.settings.ports.signIn()));
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SIGNIN_ISSUER", signInUrl());
        environment.put("SIGNIN_JWK_LOCATION", this.dataDir.resolve("sign-in-key.json").toString());
        environment.put("INTAKE_BASE_URLS", baseUrls(this.settings.ports.intake()));
        environment.put("ROUTER_BASE_URLS", baseUrls(this.settings.ports.router()));
        environment.put("NOTIFIER_BASE_URLS", baseUrls(this.settings.ports.notifier()));
        environment.putAll(secrets.environmentFor(LocalSecrets.SIGN_IN_PROVIDER));
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        return environment;
    }

    private static String baseUrls(int port) {
        return "http://localhost:" + port + ",http://127.0.0.1:" + port;
    }

    /**
     * The secrets of this stack's data directory ({@code secrets.properties}, keyed by environment variable),
     * generated at the first start: sign Slack and Teams requests with them, or start another process with
     * {@link LocalSecrets#environmentFor}.
     */
    public LocalSecrets secrets() {
        return LocalSecrets.loadOrCreate(this.dataDir);
    }

    /** The executable jar {@code <project dir>/<module>/target/<module>-<version>-exec.jar}. */
    public Path executableJar(String module) {
        Path target = this.settings.projectDir.resolve(module).resolve("target").toAbsolutePath().normalize();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        catch (IOException ex) {
            // reported below
        }
        throw new IllegalStateException("No executable jar of " + module + " in " + target
                + "; build it first with ./mvnw install -DskipTests");
    }

    private void loadDemoDataOnce() {
        Path marker = this.dataDir.resolve(DEMO_DATA_MARKER);
        if (Files.exists(marker)) {
            return;
        }
        time("demo-data", () -> {
            try {
                new DemoData(intakeUrl(), routerUrl()).load();
                Files.writeString(marker, "Demo ideas were submitted; delete this file to submit them again.\n");
            }
            catch (IOException | RuntimeException ex) {
                // the stack itself is up; a person can still use it and read the services' logs
                LOG.warn("Demo data could not be loaded completely ({}); it will be tried again on the next start, "
                        + "ideas that were submitted stay", ex.getMessage());
            }
        });
    }

    private void time(String name, Runnable step) {
        long started = System.nanoTime();
        step.run();
        this.timings.put(name, Duration.ofNanos(System.nanoTime() - started));
    }

    private int port(String module) {
        return switch (module) {
            case "suggestion-intake" -> this.settings.ports.intake();
            case "suggestion-router" -> this.settings.ports.router();
            case "feedback-notifier" -> this.settings.ports.notifier();
            default -> throw new IllegalArgumentException("Unknown service " + module);
        };
    }

    private Path logsDir() {
        return this.dataDir.resolve("logs");
    }

    public String kafkaBootstrapServers() {
        String external = this.externals.kafkaBootstrapServers();
        return external != null ? external : "127.0.0.1:" + this.settings.ports.kafka();
    }

    public String mongoUri() {
        String external = this.externals.mongoUri();
        return external != null ? external : "mongodb://127.0.0.1:" + this.settings.ports.mongo();
    }

    public String smtpHost() {
        String external = this.externals.smtpHost();
        return external != null ? external : "127.0.0.1";
    }

    public int smtpPort() {
        return this.externals.smtpHost() != null ? this.externals.smtpPort() : this.settings.ports.smtp();
    }

    /** The capturing SMTP server, when this stack runs one; it holds the mail received since this start. */
    public Optional<GreenMail> greenMail() {
        MailCapture capture = this.mail;
        return capture == null ? Optional.empty() : Optional.of(capture.greenMail());
    }

    public Optional<String> mailViewerUrl() {
        MailViewer viewer = this.mailViewer;
        return viewer == null ? Optional.empty() : Optional.of(viewer.url());
    }

    /** The local OpenID Connect provider's issuer, where people sign in. */
    public String signInUrl() {
        return "http://localhost:" + this.settings.ports.signIn();
    }

    public String intakeUrl() {
        return "http://localhost:" + this.settings.ports.intake();
    }

    public String routerUrl() {
        return "http://localhost:" + this.settings.ports.router();
    }

    public String notifierUrl() {
        return "http://localhost:" + this.settings.ports.notifier();
    }

    public Ports ports() {
        return this.settings.ports;
    }

    public Path dataDir() {
        return this.dataDir;
    }

    /** How long each part took to start (kafka, mongo, smtp, each service, demo-data, total). */
    public Map<String, Duration> timings() {
        synchronized (this.timings) {
            return Map.copyOf(this.timings);
        }
    }

    /** Process ids of the child processes this stack runs, by name (kafka and the service instances). */
    public Map<String, Long> childProcessIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        KafkaBroker broker = this.kafka;
        if (broker != null && broker.isRunning()) {
            pids.put("kafka", broker.pid());
        }
        for (ServiceProcess service : this.services) {
            if (service.pid() > 0) {
                pids.put(service.label(), service.pid());
            }
        }
        ServiceProcess provider = this.signIn;
        if (provider != null && provider.pid() > 0) {
            pids.put(SIGN_IN_PROVIDER, provider.pid());
        }
        return pids;
    }

    /** Resident memory in MB of the launcher and of every child process (Linux only). */
    public Map<String, Long> residentMemoryMegabytes() {
        Map<String, Long> memory = new LinkedHashMap<>();
        ResidentMemory.megabytes(ProcessHandle.current().pid()).ifPresent(mb -> memory.put("launcher", mb));
        childProcessIds().forEach((name, pid) -> ResidentMemory.megabytes(pid).ifPresent(mb -> memory.put(name, mb)));
        return memory;
    }

    /** Stops services, Kafka, MongoDB-wire server, SMTP capture and mail viewer; keeps the data. */
    @Override
    public synchronized void close() {
        if (!this.services.isEmpty()) {
            LOG.info("Stopping services");
        }
        this.services.forEach(ServiceProcess::requestStop);
        this.services.forEach(service -> service.awaitStopped(Duration.ofSeconds(10)));
        this.services.clear();
        ServiceProcess provider = this.signIn;
        this.signIn = null;
        if (provider != null) {
            provider.requestStop();
            provider.awaitStopped(Duration.ofSeconds(10));
        }
        KafkaBroker broker = this.kafka;
        this.kafka = null;
        if (broker != null) {
            LOG.info("Stopping Kafka");
            quietly("Kafka", broker::close);
        }
        MongoWireServer server = this.mongo;
        this.mongo = null;
        if (server != null) {
            quietly("MongoDB-wire server", server::close);
        }
        MailCapture capture = this.mail;
        this.mail = null;
        if (capture != null) {
            quietly("SMTP capture", capture::close);
        }
        MailViewer viewer = this.mailViewer;
        this.mailViewer = null;
        if (viewer != null) {
            quietly("mail viewer", viewer::close);
        }
        removeShutdownHook();
    }

    private static void quietly(String what, Runnable stop) {
        try {
            stop.run();
        }
        catch (RuntimeException ex) {
            LOG.warn("Stopping the {} failed", what, ex);
        }
    }

    private void registerShutdownHook() {
        Thread hook = Thread.ofPlatform().name("local-stack-shutdown").unstarted(this::close);
        Runtime.getRuntime().addShutdownHook(hook);
        this.shutdownHook = hook;
    }

    private void removeShutdownHook() {
        Thread hook = this.shutdownHook;
        this.shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (IllegalStateException ex) {
                // the JVM is shutting down and the hook is running or has run
            }
        }
    }

    /** Settings of a {@link LocalStack}; defaults are the documented local ports and everything started. */
    public static final class Builder {

        private Path dataDir = Path.of(".local-stack");

        private Path projectDir = Path.of(".");

        private Ports ports = Ports.defaults();

        private Map<String, String> environment = Map.of();

        private Map<String, String> serviceEnvironment = Map.of();

        private boolean startKafka = true;

        private boolean startMongo = true;

        private boolean startSmtp = true;

        private boolean startServices = true;

        private boolean startSignIn = true;

        private boolean demoData = true;

        private List<String> services = SERVICES;

        private Duration healthTimeout = Duration.ofSeconds(180);

        private int mongoCacheMegabytes = MongoWireServer.DEFAULT_CACHE_MEGABYTES;

        private String kafkaClasspath = System.getProperty("java.class.path");

        private List<String> serviceJvmOptions = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true");

        private Builder() {
        }

        /** Where Kafka's log, the MongoDB file, keys and the service logs are kept. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The repository root, holding {@code <module>/target/<module>-<version>-exec.jar}. */
        public Builder projectDir(Path projectDir) {
            this.projectDir = projectDir;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** Variables that point at external infrastructure ({@code KAFKA_BOOTSTRAP_SERVERS}, ...). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * More environment variables for every service, over the ones the stack sets (e.g. relaxed-binding
         * names of settings such as {@code SUGGESTIONBOX_INTAKE_RATELIMIT}).
         */
        public Builder serviceEnvironment(Map<String, String> variables) {
            this.serviceEnvironment = Map.copyOf(variables);
            return this;
        }

        public Builder startKafka(boolean start) {
            this.startKafka = start;
            return this;
        }

        public Builder startMongo(boolean start) {
            this.startMongo = start;
            return this;
        }

        public Builder startSmtp(boolean start) {
            this.startSmtp = start;
            return this;
        }

        public Builder startServices(boolean start) {
            this.startServices = start;
            return this;
        }

        /**
         * Whether the local OpenID Connect provider (Spring Authorization Server, the demo people) starts with
         * the services, and the services sign people in there (default); without it the services offer the
         * local profile's password form.
         */
        public Builder startSignIn(boolean start) {
            this.startSignIn = start;
            return this;
        }

        /**
         * Runs only these of the {@link #SERVICES} (e.g. to run another one from an IDE); demo data
         * needs intake and router.
         */
        public Builder services(String... modules) {
            for (String module : modules) {
                if (!SERVICES.contains(module)) {
                    throw new IllegalArgumentException("Unknown service " + module + "; known: " + SERVICES);
                }
            }
            this.services = List.of(modules);
            return this;
        }

        /** Submit and decide a few demo ideas after the first start in a data directory. */
        public Builder demoData(boolean load) {
            this.demoData = load;
            return this;
        }

        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** The classpath the Kafka broker runs with; it must hold the Kafka server jars. */
        public Builder kafkaClasspath(String classpath) {
            this.kafkaClasspath = classpath;
            return this;
        }

        /**
         * The MongoDB-wire server's page cache (default 16 MB, H2's own). Every document read that misses
         * it is read from the file and deserialized again; a benchmark with a million ideas needs gigabytes.
         */
        public Builder mongoCacheMegabytes(int megabytes) {
            if (megabytes < 1) {
                throw new IllegalArgumentException("The cache needs at least 1 MB, was " + megabytes);
            }
            this.mongoCacheMegabytes = megabytes;
            return this;
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        Path dataDir() {
            return this.dataDir;
        }

        boolean demoData() {
            return this.demoData;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }
    }
}
