package org.suggestionbox.localstack;

import java.util.List;

/**
 * The TCP ports of a local stack. {@link #defaults()} are the documented ones; {@link #random()} picks
 * free ones so tests can run next to a running local stack.
 */
public record Ports(
        int kafka,
        int kafkaController,
        int mongo,
        int smtp,
        int mailViewer,
        int intake,
        int router,
        int notifier,
        int signIn) {

    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 3025, 8025, 8081, 8082, 8083, 9000);
    }

    /** Every port of the stack, in the order of the components. */
    public List<Integer> all() {
        return List.of(kafka, kafkaController, mongo, smtp, mailViewer, intake, router, notifier, signIn);
    }

    public static Ports random() {
        return new Ports(
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next());
    }
}
