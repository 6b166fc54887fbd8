package org.suggestionbox.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process from {@code /proc} (Linux); empty elsewhere. */
final class ResidentMemory {

    private ResidentMemory() {}

    static OptionalLong megabytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes =
                            line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kilobytes) / 1024);
                }
            }
        } catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
