package org.suggestionbox.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port in front of the shared broker that refuses every connection until it is
 * {@linkplain #open() opened}, then forwards them: a service bootstrapped through it sees its broker
 * gone, and later back. (Once back, the client talks to the broker's advertised address directly,
 * so an opened gate cannot be closed again.)
 */
final class BrokerGate implements AutoCloseable {

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private volatile boolean open;

    private BrokerGate(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        this.upstreamHost = first.substring(0, colon);
        this.upstreamPort = Integer.parseInt(first.substring(colon + 1));
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofVirtual().name("broker-gate").start(this::acceptLoop);
    }

    /** A closed gate in front of the broker at {@code bootstrapServers} (its first address). */
    static BrokerGate closedBefore(String bootstrapServers) {
        return new BrokerGate(bootstrapServers);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    void open() {
        open = true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!open) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException ex) {
                // closed while accepting, or the broker refused: the client sees a dropped connection
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ex) {
            // one side hung up
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ex) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
