package org.suggestionbox.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * {@code local-stack.sh}'s program: starts the whole local stack in the current directory (the repository
 * root), prints the URLs and demo logins, and runs until Ctrl-C.
 *
 * <pre>
 * usage: local-stack [--data-dir DIR] [--no-demo-data]
 * </pre>
 * External infrastructure is used instead of the local one when {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI} or {@code SMTP_HOST}/{@code SMTP_PORT} are set.
 */
public final class LocalStackCommand {

    static final String USAGE = "usage: local-stack [--data-dir DIR] [--no-demo-data]";

    private LocalStackCommand() {
    }

    public static void main(String[] args) {
        LocalStack.Builder builder;
        try {
            builder = parse(args, System.getenv());
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        LocalStack stack = builder.build();
        try {
            stack.start();
        }
        catch (RuntimeException ex) {
            System.err.println();
            System.err.println("The local stack could not start: " + ex.getMessage());
            System.err.println("Logs are in " + stack.dataDir().resolve("logs"));
            System.exit(1);
            return;
        }
        printBanner(stack, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stack's settings from the command line and environment, or {@code null} when help was asked for. */
    static LocalStack.@Nullable Builder parse(String[] args, Map<String, String> environment) {
        LocalStack.Builder builder = LocalStack.builder().environment(environment);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            else if (arg.equals("--no-demo-data")) {
                builder.demoData(false);
            }
            else if (arg.equals("--data-dir")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--data-dir needs a directory");
                }
                builder.dataDir(Path.of(args[++i]));
            }
            else if (arg.startsWith("--data-dir=")) {
                String dir = arg.substring("--data-dir=".length());
                if (dir.isBlank()) {
                    throw new IllegalArgumentException("--data-dir needs a directory");
                }
                builder.dataDir(Path.of(dir));
            }
            else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return builder;
    }

    static void printBanner(LocalStack stack, PrintStream out) {
        String line = "=".repeat(72);
        out.println();
        out.println(line);
        out.println(" Suggestion Box is running (started in " + Objects.requireNonNull(stack.timings().get("total")).toSeconds() + " s)");
        out.println(line);
        out.printf(" Submit an idea    %s/ideas/new%n", stack.intakeUrl());
        out.printf(" Owner queue       %s/queue%n", stack.routerUrl());
        out.printf(" My ideas          %s/my-ideas%n", stack.routerUrl());
        out.printf(" Inbox             %s/inbox%n", stack.notifierUrl());
        out.printf(" Mail sent         %s%n", stack.mailViewerUrl().orElse("(external SMTP " + stack.smtpHost() + ":"
                + stack.smtpPort() + ")"));
        out.printf(" Prometheus        %s/actuator/prometheus  %s/actuator/prometheus  %s/actuator/prometheus%n",
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
        stack.residentMemoryMegabytes().forEach((name, mb) -> memory.append(' ').append(name).append(' ').append(mb).append(" MB,"));
        if (!memory.isEmpty()) {
            out.println(" Memory (RSS):" + memory.substring(0, memory.length() - 1));
        }
        out.println(" Press Ctrl-C to stop (data is kept).");
        out.println(line);
    }
}
