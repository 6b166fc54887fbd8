package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTests {

    @TempDir
    Path dir;

    @Test
    void handsOutDistinctFreePortsBelowTheKernelsEphemeralRange() throws IOException {
        int ephemeralStart = FreePorts.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        assertThat(ephemeralStart).isGreaterThan(FreePorts.LOWEST + 1_000);

        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, ephemeralStart - 1));
        assertThat(ports).doesNotContainAnyElementsOf(Ports.defaults().all());
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void readsTheEphemeralRangeAsTheKernelWritesIt() throws IOException {
        Path linux = Files.writeString(this.dir.resolve("linux"), "32768\t60999\n");
        Path widened = Files.writeString(this.dir.resolve("widened"), "49152 65535\n");
        Path garbled = Files.writeString(this.dir.resolve("garbled"), "none\n");

        assertThat(FreePorts.ephemeralStart(linux)).isEqualTo(32_768);
        assertThat(FreePorts.ephemeralStart(widened)).isEqualTo(49_152);
        assertThat(FreePorts.ephemeralStart(garbled)).isEqualTo(FreePorts.DEFAULT_EPHEMERAL_START);
        assertThat(FreePorts.ephemeralStart(this.dir.resolve("absent"))).isEqualTo(FreePorts.DEFAULT_EPHEMERAL_START);
    }
}
