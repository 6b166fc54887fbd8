package org.suggestionbox.benchmarks;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An SMTP server as far away as a relay in another building: GreenMail on loopback behind a proxy that holds every
 * chunk of bytes, in each direction, for {@code --latency} before passing it on (a round trip takes twice that).
 * For measuring how the notifier delivers when each SMTP reply takes milliseconds to arrive, which loopback never
 * shows: start it, then the local stack with {@code SMTP_HOST=127.0.0.1 SMTP_PORT=<--port>}, then
 * {@code benchmarks/run.sh --intake-url … --bootstrap-servers …} against that stack. Runs until killed; the mails
 * it received are counted every ten seconds.
 */
@Command(name = "distant-smtp", mixinStandardHelpOptions = true)
final class DistantSmtp implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DistantSmtp.class);

    @Option(
            names = "--port",
            defaultValue = "3026",
            description = "Where the notifier connects (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--latency",
            defaultValue = "5ms",
            description = "One way, each direction (default ${DEFAULT-VALUE}).")
    private Duration latency = Duration.ZERO;

    @Option(names = "--project-dir", hidden = true, description = "Given by run.sh; not used.")
    private @Nullable String projectDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DistantSmtp())
                .registerConverter(Duration.class, BenchmarkCommand::duration)
                .execute(args));
    }

    @Override
    public void run() {
        Duration delay = this.latency;
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        int upstream = server.getSmtp().getPort();
        Thread.ofPlatform().daemon().name("mail-count").start(() -> count(server));
        try (ServerSocket listener = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress())) {
            LOG.info("SMTP on 127.0.0.1:{}, {} each way in front of GreenMail on {}", this.port, delay, upstream);
            while (true) {
                Socket client = listener.accept();
                Socket relayed = new Socket();
                relayed.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream));
                client.setTcpNoDelay(true);
                relayed.setTcpNoDelay(true);
                relay(client, relayed, delay);
                relay(relayed, client, delay);
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } finally {
            server.stop();
        }
    }

    private static void count(GreenMail server) {
        while (true) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ex) {
                return;
            }
            LOG.info("{} mails received", server.getReceivedMessages().length);
        }
    }

    /** Passes what {@code from} sends on to {@code to}, each chunk {@code delay} after it was read, in order. */
    private static void relay(Socket from, Socket to, Duration delay) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    chunks.put(new Chunk(System.nanoTime() + delay.toNanos(), Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException ex) {
                // closed
            }
            chunks.add(new Chunk(System.nanoTime() + delay.toNanos(), null));
        });
        Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = chunks.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] bytes = chunk.bytes();
                    if (bytes == null) {
                        break;
                    }
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException ex) {
                // closed
            }
            closeQuietly(from);
            closeQuietly(to);
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ex) {
            // closing
        }
    }

    /** Bytes to pass on at {@code dueNanos}; none at the end of the stream. */
    private record Chunk(long dueNanos, byte @Nullable [] bytes) {}
}
