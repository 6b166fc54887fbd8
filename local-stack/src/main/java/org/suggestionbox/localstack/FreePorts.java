package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on the loopback interface, for child processes that need a fixed port up front: the local
 * stack's, and those the system tests start themselves.
 *
 * <p>A port is handed out some time before the child binds it. The ports the kernel picks itself, for a
 * server binding port 0 and for the local end of every outgoing connection, come from its ephemeral range,
 * so any process on the machine could be given one of those in that time: a CI run lost its Kafka
 * controller's port so, with other modules' tests running beside it. These ports therefore come from
 * below the ephemeral range, which the kernel never hands out on its own; only a process asking for that
 * very port could take one, and each is checked free, and not one of the documented local stack's, first.
 */
public final class FreePorts {

    static final int LOWEST = 10_000;

    /** Linux's default start of the ephemeral range; macOS and Windows start theirs higher, at 49152. */
    static final int DEFAULT_EPHEMERAL_START = 32_768;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private static final Set<Integer> HANDED_OUT =
            new HashSet<>(Ports.defaults().all());

    private FreePorts() {}

    public static synchronized int next() {
        int end = ephemeralStart(EPHEMERAL_RANGE);
        if (end <= LOWEST + 1_000) {
            return kernelChosen();
        }
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port found between " + LOWEST + " and " + end);
    }

    /** The first port of the kernel's ephemeral range as {@code range} gives it, else Linux's default. */
    static int ephemeralStart(Path range) {
        try {
            // by lines: a /proc/sys file says its size is 0, and readString, sized by that, read "3" of it
            String[] bounds = Files.readAllLines(range).getFirst().trim().split("\\s+");
            return Integer.parseInt(bounds[0]);
        } catch (IOException | RuntimeException ex) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    /** A machine whose ephemeral range leaves nothing below it: the kernel's choice, as good as it gets. */
    private static int kernelChosen() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        throw new IllegalStateException("No free port found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException ex) {
            return false;
        }
    }
}
