package org.suggestionbox.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code local-stack.sh}'s program: starts the whole local stack in the current directory (the repository
 * root), prints the URLs and demo logins, and runs until Ctrl-C. {@code --help} lists the options.
 * External infrastructure is used instead of the local one when {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI} or {@code SMTP_HOST}/{@code SMTP_PORT} are set.
 */
@Command(
        name = "local-stack.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Starts Kafka, a MongoDB-wire server, SMTP capture with a mail viewer, the sign-in provider "
                + "and the three services; prints their URLs and runs until Ctrl-C (data is kept).",
        footer = {
            "",
            "Uses KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI and SMTP_HOST/SMTP_PORT instead of its own servers "
                    + "when they are set."
        })
public final class LocalStackCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".local-stack",
            description =
                    "Where Kafka's log, the MongoDB file, mail, keys, secrets and logs are kept (default: ${DEFAULT-VALUE}).")
    private Path dataDir = Path.of(".local-stack");

    @Option(names = "--no-demo-data", description = "Do not submit and decide the demo ideas on the first start.")
    private boolean noDemoData;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    LocalStackCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        int status = commandLine(System.getenv()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new LocalStackCommand(environment));
    }

    /**
     * The stack's settings from the command line and environment.
     *
     * @throws ParameterException on an unknown option or a missing or blank value, naming it
     */
    static LocalStack.Builder parse(String[] args, Map<String, String> environment) {
        CommandLine commandLine = commandLine(environment);
        commandLine.parseArgs(args);
        return commandLine.<LocalStackCommand>getCommand().builder();
    }

    private LocalStack.Builder builder() {
        if (this.dataDir.toString().isBlank()) {
            throw new ParameterException(this.spec.commandLine(), "--data-dir needs a directory");
        }
        return LocalStack.builder()
                .environment(this.environment)
                .dataDir(this.dataDir)
                .demoData(!this.noDemoData);
    }

    /** Starts the stack, prints the banner and waits for Ctrl-C; 1 when the stack could not start. */
    @Override
    public Integer call() {
        LocalStack stack = builder().build();
        // what grows with the ideas is the MongoDB-wire server's data; the mail capture keeps at most 1,000 mails
        if (stack.ownsMongo()) {
            HeapWatch.install();
        }
        try {
            stack.start();
        } catch (RuntimeException ex) {
            System.err.println();
            System.err.println("The local stack could not start: " + ex.getMessage());
            System.err.println("Logs are in " + stack.dataDir().resolve("logs"));
            return 1;
        }
        printBanner(stack, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
        try {
            stopped.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void printBanner(LocalStack stack, PrintStream out) {
        String line = "=".repeat(72);
        out.println();
        out.println(line);
        out.println(" Suggestion Box is running (started in "
                + Objects.requireNonNull(stack.timings().get("total")).toSeconds() + " s)");
        out.println(line);
        out.printf(" Submit an idea    %s/ideas/new%n", stack.intakeUrl());
        out.printf(" Owner queue       %s/queue%n", stack.routerUrl());
        out.printf(" My ideas          %s/my-ideas%n", stack.routerUrl());
        out.printf(" Idea wall         %s/ideas%n", stack.routerUrl());
        out.printf(" Dashboard         %s/dashboard   (lea)%n", stack.routerUrl());
        out.printf(" Inbox             %s/inbox%n", stack.notifierUrl());
        out.printf(" Preferences       %s/preferences%n", stack.notifierUrl());
        out.printf(
                " Mail sent         %s%n",
                stack.mailViewerUrl().orElse("(external SMTP " + stack.smtpHost() + ":" + stack.smtpPort() + ")"));
        out.printf(
                " Prometheus        %s/actuator/prometheus  %s/actuator/prometheus  %s/actuator/prometheus%n",
                stack.intakeUrl(), stack.routerUrl(), stack.notifierUrl());
        out.println("                   (send Authorization: Bearer <METRICS_SCRAPE_TOKEN of secrets.properties>)");
        out.printf(" Kafka             %s%n", stack.kafkaBootstrapServers());
        out.printf(" MongoDB           %s%n", stack.mongoUri());
        out.printf(" SMTP              %s:%d%n", stack.smtpHost(), stack.smtpPort());
        out.println();
        out.printf(" Sign-in provider  %s (OpenID Connect, one sign-in for all three services)%n", stack.signInUrl());
        out.println(" Sign in as alice, noa, piotr (employees), maya, jan (owners), lea (leader) or admin;");
        out.println(" the password is always: demo");
        out.println(" APIs take bearer tokens (TOKEN=$(ops/token.sh alice suggestion-intake)) and, locally,");
        out.println(" HTTP Basic, e.g. curl -u alice:demo " + stack.intakeUrl() + "/api/ideas ...");
        out.println(" Secrets (Slack, Teams, clients): " + stack.dataDir().resolve("secrets.properties"));
        out.println();
        out.println(" Data: " + stack.dataDir() + "   Logs: " + stack.dataDir().resolve("logs"));
        StringBuilder memory = new StringBuilder();
        stack.residentMemoryMegabytes()
                .forEach((name, mb) ->
                        memory.append(' ').append(name).append(' ').append(mb).append(" MB,"));
        if (!memory.isEmpty()) {
            out.println(" Memory (RSS):" + memory.substring(0, memory.length() - 1));
        }
        out.println(" Press Ctrl-C to stop (data is kept).");
        out.println(line);
    }
}
