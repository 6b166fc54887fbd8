package org.suggestionbox.localstack;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The parts: {@link StackSettings} (what the builder set), {@link Infrastructure} (Kafka, MongoDB-wire,
 * SMTP), {@link Services} (the service processes, health, scale-out), {@link ServiceLaunch} (a service's
 * command line and environment) and {@link FaultInjection} (crashes and outages).
 */
public final class LocalStack implements AutoCloseable {

    /** The services in start order, by Maven module name. */
    public static final List<String> SERVICES = List.of("suggestion-intake", "suggestion-router", "feedback-notifier");

    /** The module of the local OpenID Connect provider, started before the services. */
    public static final String SIGN_IN_PROVIDER = LocalSecrets.SIGN_IN_PROVIDER;

    /**
     * The command the stack's MongoDB-wire server (at {@link #mongoUri()}) answers with what it was asked to do so
     * far: one document per database, collection and command, with its commands and the documents they wrote.
     */
    public static final String OPERATION_COUNTS_COMMAND = OperationCounts.COMMAND;

    /**
     * The services' heap, GC and JIT unless {@link Builder#serviceJvmOptions} says otherwise: C1 only, as on two
     * cores C2's compilations cost more CPU than they save within minutes of load (issue #13: at 50 ideas/s for
     * 60 s after 30 s of warm-up, 2.85/3.97/4.35 CPU-ms per idea in intake/router/notifier against 6.10/7.45/8.02
     * with the tiered JIT).
     */
    public static final String SERVICE_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final StackSettings settings;

    private final StartupTimings timings = new StartupTimings();

    private final ServiceLaunch launch;

    private final Infrastructure infrastructure;

    private final Services services;

    private final FaultInjection faults;

    private @Nullable Thread shutdownHook;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.launch = new ServiceLaunch(settings);
        this.infrastructure = new Infrastructure(settings, this.timings);
        this.services = new Services(settings, this.launch, this.timings);
        this.faults = new FaultInjection(this.infrastructure, this.services, this.timings);
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
        if (this.settings.startServices()) {
            this.services.requireBuilt();
        }
        registerShutdownHook();
        try {
            Files.createDirectories(this.settings.logsDir());
            this.infrastructure.start();
            if (this.settings.startServices()) {
                this.services.start();
                if (this.settings.demoData()) {
                    this.timings.time(
                            "demo-data",
                            () -> new DemoData(intakeUrl(), routerUrl()).loadOnce(this.settings.dataDir()));
                }
            }
        } catch (IOException ex) {
            close();
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            close();
            throw ex;
        }
        this.timings.record("total", started);
        return this;
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
        this.faults.kill(module, instance);
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
        this.faults.restart(module, instance);
    }

    /**
     * Starts one more instance of a service on a free port, with the same environment as the first
     * (so it joins the same consumer groups and database) and its own log file {@code <module>-<n>.log},
     * and waits until it is healthy.
     *
     * @return the new instance's number (2, 3, ...; a number freed by {@link #removeInstance} is reused)
     */
    public int addInstance(String module) {
        return this.services.add(module);
    }

    /**
     * Stops an instance added with {@link #addInstance} gracefully (SIGTERM: Spring closes its Kafka
     * consumers, so the group rebalances at once) and waits until it is gone; forces it after 30 s.
     */
    public void removeInstance(String module, int instance) {
        this.services.remove(module, instance);
    }

    /** The base URLs of the instances of a service this stack runs, instance 1 first. */
    public List<String> instanceUrls(String module) {
        return this.services.instanceUrls(module);
    }

    /**
     * Stops the Kafka broker this stack runs cleanly (SIGTERM) and waits until it is gone; its data stays
     * and {@link #startKafka()} starts it again on the same ports. Clients see the broker vanish.
     */
    public void stopKafka() {
        this.faults.stopKafka();
    }

    /** Starts the broker stopped with {@link #stopKafka()} again, same ports and data, and waits until it answers. */
    public void startKafka() {
        this.faults.startKafka();
    }

    /**
     * Stops the MongoDB-wire server: it stops listening, drops every client connection and closes its
     * file. {@link #startMongo()} serves the same file on the same port again.
     */
    public void stopMongo() {
        this.faults.stopMongo();
    }

    /** Starts the MongoDB-wire server stopped with {@link #stopMongo()} again, same port and file. */
    public void startMongo() {
        this.faults.startMongo();
    }

    /**
     * The secrets of this stack's data directory ({@code secrets.properties}, keyed by environment variable),
     * generated at the first start: sign Slack and Teams requests with them, or start another process with
     * {@link LocalSecrets#environmentFor}.
     */
    public LocalSecrets secrets() {
        return LocalSecrets.loadOrCreate(this.settings.dataDir());
    }

    /** The executable jar {@code <project dir>/<module>/target/<module>-<version>-exec.jar}. */
    public Path executableJar(String module) {
        return this.launch.executableJar(module);
    }

    public String kafkaBootstrapServers() {
        return this.settings.kafkaBootstrapServers();
    }

    public String mongoUri() {
        return this.settings.mongoUri();
    }

    /** Whether the stack runs its own MongoDB-wire server, rather than using {@code MONGODB_URI}'s. */
    public boolean ownsMongo() {
        return this.settings.ownMongo();
    }

    public String smtpHost() {
        return this.settings.smtpHost();
    }

    public int smtpPort() {
        return this.settings.smtpPort();
    }

    /**
     * The mail the SMTP capture received since this start, oldest first and once per recipient, when this
     * stack runs the capture in its own JVM (not with {@link Builder#standInProcesses}).
     */
    public Optional<List<MimeMessage>> receivedMail() {
        return this.infrastructure.receivedMail();
    }

    public Optional<String> mailViewerUrl() {
        return this.infrastructure.mailViewerUrl();
    }

    /** The local OpenID Connect provider's issuer, where people sign in. */
    public String signInUrl() {
        return this.settings.signInUrl();
    }

    public String intakeUrl() {
        return this.settings.intakeUrl();
    }

    public String routerUrl() {
        return this.settings.routerUrl();
    }

    public String notifierUrl() {
        return this.settings.notifierUrl();
    }

    public Ports ports() {
        return this.settings.ports();
    }

    public Path dataDir() {
        return this.settings.dataDir();
    }

    /** Where each process of the stack writes its log, {@code <name>.log}. */
    public Path logsDir() {
        return this.settings.logsDir();
    }

    /** How long each part took to start (kafka, mongo, smtp, each service, demo-data, total). */
    public Map<String, Duration> timings() {
        return this.timings.snapshot();
    }

    /**
     * Process ids of the child processes this stack runs, by name: kafka, mongo and smtp when they run as
     * {@linkplain Builder#standInProcesses processes}, the service instances and the sign-in provider.
     */
    public Map<String, Long> childProcessIds() {
        Map<String, Long> pids = new LinkedHashMap<>(this.infrastructure.processIds());
        pids.putAll(this.services.processIds());
        return pids;
    }

    /**
     * The requests this stack's Kafka broker has handled since it started, by kind ({@code Produce},
     * {@code FetchConsumer}, {@code OffsetCommit}, …), as its own request metrics count them; empty where the stack
     * runs no broker of its own or it is stopped.
     */
    public Map<String, Long> kafkaRequests() {
        return this.infrastructure
                .kafka()
                .filter(KafkaBroker::isRunning)
                .map(broker -> KafkaRequestCounts.read(broker.pid()))
                .orElse(Map.of());
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
        this.services.close();
        this.infrastructure.close();
        removeShutdownHook();
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
            } catch (IllegalStateException ex) {
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
        private int mongoHeapMegabytes;
        private int smtpHeapMegabytes = 256;

        private String kafkaClasspath = System.getProperty("java.class.path");

        private boolean standInProcesses;

        private boolean aotCache;

        private boolean mongoInMemory;

        private int serviceNiceness;

        private List<String> serviceJvmOptions =
                List.of((SERVICE_JVM_OPTIONS + " -Djava.awt.headless=true").split(" "));

        private Builder() {}

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
         * The MongoDB-wire server's heap when it runs in a process of its own ({@link #standInProcesses}); by
         * default twice its page cache and 256 MB. It keeps every document in memory besides the file, so a
         * benchmark with a million ideas stored needs gigabytes.
         */
        public Builder mongoHeapMegabytes(int megabytes) {
            this.mongoHeapMegabytes = atLeast(64, megabytes, "The MongoDB-wire server");
            return this;
        }

        /**
         * The SMTP capture's heap when it runs in a process of its own ({@link #standInProcesses}); default 256 MB,
         * room for the newest 1,000 mails the capture keeps and for the mail it is reading.
         */
        public Builder smtpHeapMegabytes(int megabytes) {
            this.smtpHeapMegabytes = atLeast(64, megabytes, "The SMTP capture");
            return this;
        }

        /**
         * The MongoDB-wire server's page cache (default 16 MB, H2's own): pages written and read by full scans.
         * Documents looked up by id or by index are served from the server's own copy of every document in memory.
         */
        public Builder mongoCacheMegabytes(int megabytes) {
            this.mongoCacheMegabytes = atLeast(1, megabytes, "The cache");
            return this;
        }

        /**
         * Runs the MongoDB-wire server and the SMTP capture each in its own child JVM (named {@code mongo} and
         * {@code smtp} in {@link LocalStack#childProcessIds()}) instead of the launcher's, so their CPU and memory
         * are measured apart; {@link LocalStack#receivedMail()} is then empty (read mail through the mail viewer).
         * Default: in the launcher's JVM.
         */
        public Builder standInProcesses(boolean separate) {
            this.standInProcesses = separate;
            return this;
        }

        /**
         * Starts the services with Java 25's AOT cache of their executable jar ({@code -XX:AOTCache}): classes
         * loaded and linked ahead of time, so a start (and every restart of the fault-injection suite) is faster.
         * A service whose jar has no cache yet, or one older than the jar, is trained first: started once with
         * {@code -XX:AOTCacheOutput} until its Spring context has refreshed. Default: off.
         */
        public Builder aotCache(boolean use) {
            this.aotCache = use;
            return this;
        }

        /**
         * Keeps the MongoDB-wire server's data in memory instead of {@code mongo.mv} in the data directory: a
         * stop and start of the server (an outage) keeps it, the launcher's exit does not. For stacks that start
         * fresh, such as the tests': no page is serialized to a file (H2 does that with Java serialization, a
         * third of the server's CPU under load). Default: in the file.
         */
        public Builder mongoInMemory(boolean inMemory) {
            this.mongoInMemory = inMemory;
            return this;
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * Runs the services (every instance, restarts included; not their AOT training, not the infrastructure)
         * at this scheduling niceness, {@code nice -n} from 0 to 19, so a stack whose load is batch work gives
         * way on a busy machine to what waits for answers beside it (the system tests' fault scenarios beside
         * the tests of the shared stack). Default 0: as the launcher.
         */
        public Builder serviceNiceness(int niceness) {
            this.serviceNiceness = niceness;
            return this;
        }

        /** The settings as they stand, for {@link #build()} and tests. */
        StackSettings settings() {
            return new StackSettings(
                    this.dataDir,
                    this.projectDir,
                    this.ports,
                    Externals.from(this.environment),
                    this.serviceEnvironment,
                    this.startKafka,
                    this.startMongo,
                    this.startSmtp,
                    this.startServices,
                    this.startSignIn,
                    this.demoData,
                    this.services,
                    this.healthTimeout,
                    this.mongoCacheMegabytes,
                    this.mongoHeapMegabytes > 0
                            ? this.mongoHeapMegabytes
                            : Infrastructure.heapMegabytesFor(this.mongoCacheMegabytes),
                    this.smtpHeapMegabytes,
                    this.kafkaClasspath,
                    this.serviceJvmOptions,
                    this.standInProcesses,
                    this.aotCache,
                    this.mongoInMemory,
                    this.serviceNiceness);
        }

        /** {@code megabytes}, or an {@link IllegalArgumentException} naming {@code what} when under {@code minimum}. */
        private static int atLeast(int minimum, int megabytes, String what) {
            if (megabytes < minimum) {
                throw new IllegalArgumentException(what + " needs at least " + minimum + " MB, was " + megabytes);
            }
            return megabytes;
        }

        public LocalStack build() {
            return new LocalStack(settings());
        }
    }
}
