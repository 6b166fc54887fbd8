package org.suggestionbox.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service processes of a local stack: starts the sign-in provider and the services and waits
 * until they are healthy, adds and removes instances (scale-out), and stops them all.
 */
final class Services {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    /** Held while a stack extracts jars and trains AOT caches: both live next to the jars, shared by every stack. */
    private static final Object AOT_TRAINING = new Object();

    private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(2);

    private final StackSettings settings;

    private final ServiceLaunch launch;

    private final StartupTimings timings;

    /** Every running service instance; changed while other threads read it during fault injection. */
    private final List<ServiceProcess> running = new CopyOnWriteArrayList<>();

    private @Nullable ServiceProcess signIn;

    Services(StackSettings settings, ServiceLaunch launch, StartupTimings timings) {
        this.settings = settings;
        this.launch = launch;
        this.timings = timings;
    }

    /** Fails at once, before anything starts, when a service has not been built. */
    void requireBuilt() {
        if (this.settings.startSignIn()) {
            this.launch.executableJar(LocalStack.SIGN_IN_PROVIDER);
        }
        this.settings.services().forEach(this.launch::executableJar);
    }

    /** Starts the sign-in provider (when asked) and the services, and waits until all are healthy. */
    void start() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(this.settings.dataDir());
        if (this.settings.aotCache()) {
            // before the clock starts: the start times are those of the services, not of their training
            trainAotCaches(secrets);
        }
        long started = System.nanoTime();
        LOG.info(
                "Services run with the local profile and the secrets in {}",
                this.settings.dataDir().resolve(LocalSecrets.FILE_NAME));
        List<ServiceProcess> starting = new ArrayList<>();
        if (this.settings.startSignIn()) {
            // first, though nobody waits for it: the services ask the provider for its configuration on first use
            ServiceProcess provider = this.launch.signInProvider(secrets);
            LOG.info("Starting the sign-in provider on {} (log: {})", this.settings.signInUrl(), provider.logFile());
            provider.start();
            this.signIn = provider;
            starting.add(provider);
        }
        for (String module : this.settings.services()) {
            ServiceProcess service = this.launch.first(module, secrets);
            LOG.info("Starting {} on port {} (log: {})", module, service.port(), service.logFile());
            service.start();
            this.running.add(service);
            starting.add(service);
        }
        awaitHealthy(starting, started, "");
    }

    /**
     * Writes the AOT cache of each service whose jar has none or only an older one: extracts the executable jar
     * where its extracted form is missing or older (the cache works only with that form), then runs the services' training
     * commands side by side, each with its service's environment (on a free port), until Spring exits after the
     * refresh, recording each time as {@code <module> aot-training}. A failed training is logged and that service
     * starts without a cache.
     */
    private void trainAotCaches(LocalSecrets secrets) {
        // two stacks in one JVM (the system tests' shared stack beside the fault scenarios') train once
        synchronized (AOT_TRAINING) {
            Map<String, Process> trainings = new LinkedHashMap<>();
            for (String module : this.settings.services()) {
                if (extract(module)
                        && !ServiceLaunch.isFresh(this.launch.aotCache(module), this.launch.extractedJar(module))) {
                    startTraining(module, secrets).ifPresent(training -> trainings.put(module, training));
                }
            }
            long started = System.nanoTime();
            long deadline = started + this.settings.healthTimeout().toNanos();
            trainings.forEach((module, training) -> awaitTraining(module, training, started, deadline));
        }
    }

    /**
     * Whether the module's executable jar has an {@linkplain ServiceLaunch#extractedJar extracted form} no older than
     * it, extracting it when not: into a directory beside the form's, moved into place once complete, so a service
     * never starts from a half-extracted form. A failed extraction is logged and that service starts from its
     * executable jar, without a cache.
     */
    private boolean extract(String module) {
        Path jar = this.launch.executableJar(module);
        Path extracted = this.launch.extractedJar(module);
        if (ServiceLaunch.isFresh(extracted, jar)) {
            return true;
        }
        Path directory = this.launch.extractedDirectory(module);
        Path output = directory.resolveSibling(directory.getFileName() + ".extracting-"
                + ProcessHandle.current().pid());
        Path log = this.settings.logFile(module + "-extract");
        ProcessBuilder builder = new ProcessBuilder(this.launch.extractCommand(module, output));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            deleteRecursively(output);
            Process extraction = builder.start();
            if (!extraction.waitFor(EXTRACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                extraction.destroyForcibly();
                LOG.warn("Extracting {} took longer than {}; starting it without a cache", jar, EXTRACTION_TIMEOUT);
                return false;
            }
            if (extraction.exitValue() != 0) {
                LOG.warn(
                        "Extracting {} failed (status {}); starting it without a cache:{}{}",
                        jar,
                        extraction.exitValue(),
                        System.lineSeparator(),
                        ProcessLogs.excerpt(log, 20));
                return false;
            }
            deleteRecursively(directory);
            Files.move(output, directory, StandardCopyOption.ATOMIC_MOVE);
            // the form's jar is new; its time says which build of the executable jar it came from
            Files.setLastModifiedTime(extracted, FileTime.from(Instant.now()));
            return true;
        } catch (IOException ex) {
            LOG.warn("Extracting {} failed; starting it without a cache", jar, ex);
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting " + jar, ex);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Where a service's training writes its cache before it is moved next to the jar. */
    private Path trainingOutput(String module) {
        Path cache = this.launch.aotCache(module);
        return cache.resolveSibling(
                cache.getFileName() + ".training-" + ProcessHandle.current().pid());
    }

    private Optional<Process> startTraining(String module, LocalSecrets secrets) {
        Path log = this.settings.logFile(module + "-aot-training");
        LOG.info("Training the AOT cache of {} into {} (log: {})", module, this.launch.aotCache(module), log);
        ProcessBuilder builder = new ProcessBuilder(this.launch.trainingCommand(module, trainingOutput(module)));
        builder.environment().putAll(this.launch.serviceEnvironment(module, secrets));
        builder.environment().put("SERVER_PORT", Integer.toString(FreePorts.next()));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return Optional.of(builder.start());
        } catch (IOException ex) {
            LOG.warn("Training the AOT cache of {} could not start; starting without", module, ex);
            return Optional.empty();
        }
    }

    private void awaitTraining(String module, Process training, long started, long deadline) {
        Path cache = this.launch.aotCache(module);
        try {
            if (!training.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                training.destroyForcibly();
                LOG.warn(
                        "Training the AOT cache of {} took longer than {}; starting without",
                        module,
                        this.settings.healthTimeout());
                return;
            }
        } catch (InterruptedException ex) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training the AOT cache of " + module, ex);
        }
        Path output = trainingOutput(module);
        if (training.exitValue() != 0 || !Files.isRegularFile(output)) {
            LOG.warn(
                    "Training the AOT cache of {} failed (status {}); starting without:{}{}",
                    module,
                    training.exitValue(),
                    System.lineSeparator(),
                    ProcessLogs.excerpt(this.settings.logFile(module + "-aot-training"), 20));
            return;
        }
        try {
            Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            LOG.warn("The AOT cache of {} could not be put in place; starting without", module, ex);
            return;
        }
        this.timings.record(module + " aot-training", started);
        LOG.info("AOT cache of {} trained in {} ms", module, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts one more instance of a service on a free port, with the same environment as the first (so it
     * joins the same consumer groups and database), and waits until it is healthy.
     *
     * @return the new instance's number (2, 3, ...; a number freed by {@link #remove} is reused)
     */
    int add(String module) {
        ServiceProcess first = instance(module, 1);
        ServiceProcess service;
        synchronized (this) {
            int instance = 2;
            while (find(module, instance).isPresent()) {
                instance++;
            }
            service = this.launch.instance(
                    module, instance, FreePorts.next(), LocalSecrets.loadOrCreate(this.settings.dataDir()));
            this.running.add(service);
        }
        long started = System.nanoTime();
        LOG.info(
                "Starting {} on port {} next to {} (log: {})",
                service.label(),
                service.port(),
                first.baseUrl(),
                service.logFile());
        service.start();
        awaitHealthy(List.of(service), started, "");
        return service.instance();
    }

    /** Stops an added instance gracefully (SIGTERM) and waits until it is gone; forces it after 30 s. */
    void remove(String module, int instance) {
        if (instance == 1) {
            throw new IllegalArgumentException("Instance 1 of " + module + " stays; kill and restart it instead");
        }
        ServiceProcess service = instance(module, instance);
        LOG.info("Stopping {} (pid {})", service.label(), service.pid());
        service.requestStop();
        service.awaitStopped(Duration.ofSeconds(30));
        this.running.remove(service);
    }

    List<String> instanceUrls(String module) {
        return this.running.stream()
                .filter(service -> service.name().equals(module))
                .sorted(Comparator.comparingInt(ServiceProcess::instance))
                .map(ServiceProcess::baseUrl)
                .toList();
    }

    ServiceProcess instance(String module, int instance) {
        return find(module, instance)
                .orElseThrow(() -> new IllegalArgumentException("This stack runs no "
                        + module + " instance " + instance + "; it runs "
                        + this.running.stream().map(ServiceProcess::label).toList()));
    }

    private Optional<ServiceProcess> find(String module, int instance) {
        return this.running.stream()
                .filter(service -> service.name().equals(module) && service.instance() == instance)
                .findFirst();
    }

    /**
     * Waits until every one of the services answers healthy, recording how long each took (its label plus
     * the suffix); throws with the reason and the start of its log when one exits or the health timeout passes.
     */
    void awaitHealthy(List<ServiceProcess> services, long startedNanos, String timingSuffix) {
        Duration timeout = this.settings.healthTimeout();
        long deadline = startedNanos + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        Map<String, String> reasons = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                ServiceProcess service = iterator.next();
                String reason = service.unhealthyReason();
                if (reason == null) {
                    this.timings.record(service.label() + timingSuffix, startedNanos);
                    LOG.info("{} is up after {} ms", service.label(), (System.nanoTime() - startedNanos) / 1_000_000);
                    iterator.remove();
                } else if (service.hasExited()) {
                    throw new IllegalStateException("%s %s before it became healthy:%n%s"
                            .formatted(service.label(), reason, ProcessLogs.excerpt(service.logFile(), 40)));
                } else {
                    reasons.put(service.label(), reason);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not healthy within " + timeout.toSeconds() + " s:");
                for (ServiceProcess service : waiting) {
                    message.append(System.lineSeparator())
                            .append("  ")
                            .append(service.label())
                            .append(": ")
                            .append(reasons.get(service.label()))
                            .append(System.lineSeparator())
                            .append(ProcessLogs.excerpt(service.logFile(), 40));
                }
                throw new IllegalStateException(message.toString());
            }
            if (!waiting.isEmpty()) {
                Pause.pause(Duration.ofMillis(500));
            }
        }
    }

    /** Process ids of the running instances by label, then the sign-in provider's. */
    Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : this.running) {
            if (service.pid() > 0) {
                pids.put(service.label(), service.pid());
            }
        }
        ServiceProcess provider = this.signIn;
        if (provider != null && provider.pid() > 0) {
            pids.put(LocalStack.SIGN_IN_PROVIDER, provider.pid());
        }
        return pids;
    }

    /** Asks every service, then the sign-in provider, to stop (SIGTERM), forcing after 10 s. */
    void close() {
        if (!this.running.isEmpty()) {
            LOG.info("Stopping services");
        }
        this.running.forEach(ServiceProcess::requestStop);
        this.running.forEach(service -> service.awaitStopped(Duration.ofSeconds(10)));
        this.running.clear();
        ServiceProcess provider = this.signIn;
        this.signIn = null;
        if (provider != null) {
            provider.requestStop();
            provider.awaitStopped(Duration.ofSeconds(10));
        }
    }
}
