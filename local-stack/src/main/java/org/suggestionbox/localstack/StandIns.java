package org.suggestionbox.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main of a stand-in run in its own JVM ({@link StandInProcess}), so its CPU and memory are its own:
 * {@code mongo <file> <port> <cache MB>} serves the MongoDB-wire server, {@code smtp <port> <mail dir>
 * <viewer port>} the SMTP capture with its mail viewer. It runs until SIGTERM, whose shutdown hook stops
 * the server as the launcher would (the MongoDB file closed after the last acknowledged write, the mail of
 * this run kept as {@code .eml} files). In place of the file, {@value #IN_MEMORY} keeps the data in memory.
 */
public final class StandIns {

    /** The MongoDB-wire server's file argument for data kept in memory. */
    static final String IN_MEMORY = "memory";

    private static final Logger LOG = LoggerFactory.getLogger(StandIns.class);

    private StandIns() {}

    public static void main(String[] args) throws InterruptedException {
        List<AutoCloseable> parts = start(List.of(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("stand-in-shutdown").unstarted(() -> {
                    for (AutoCloseable part : parts) {
                        try {
                            part.close();
                        } catch (Exception ex) {
                            LOG.warn("Stopping {} failed", part, ex);
                        }
                    }
                    stopped.countDown();
                }));
        LOG.info("Stand-in {} is serving", args[0]);
        stopped.await();
    }

    /** Starts what the arguments name; throws {@link IllegalArgumentException} for arguments it does not know. */
    static List<AutoCloseable> start(List<String> args) {
        if (args.size() == 4 && args.get(0).equals("mongo")) {
            int port = Integer.parseInt(args.get(2));
            MongoWireServer mongo = args.get(1).equals(IN_MEMORY)
                    ? MongoWireServer.inMemory(port)
                    : new MongoWireServer(Path.of(args.get(1)), port, Integer.parseInt(args.get(3)));
            mongo.start();
            return List.of(mongo);
        }
        if (args.size() == 4 && args.get(0).equals("smtp")) {
            MailCapture capture = new MailCapture(Integer.parseInt(args.get(1)), Path.of(args.get(2)));
            capture.start();
            MailViewer viewer = new MailViewer(Integer.parseInt(args.get(3)), capture::kept);
            viewer.start();
            return List.of(viewer, capture);
        }
        throw new IllegalArgumentException(
                "Usage: StandIns mongo <file>|memory <port> <cache MB> | smtp <port> <mail dir> <viewer port>; was "
                        + args);
    }
}
