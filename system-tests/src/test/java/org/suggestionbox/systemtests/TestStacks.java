package org.suggestionbox.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.suggestionbox.localstack.LocalStack;
import org.suggestionbox.localstack.Ports;

/**
 * How the system tests build a local stack: the repository's executable jars, free random ports, a fresh
 * temporary data directory and no demo data; the caller adds its own settings and starts it. The services start
 * from Java 25's AOT cache of their jars, trained once by the first stack after a build: the suite starts and
 * restarts services about twenty times (each fault scenario kills or adds some). The MongoDB-wire server keeps
 * its data in memory: a stack starts fresh, its restarts (the database outage) keep the data, and no page is
 * serialized to a file. The test JVM, which runs that server, was the busiest process of the fault scenarios;
 * with the data in memory it used 23 % less CPU in the intake-kill scenario (issue #15).
 */
final class TestStacks {

    /** The repository root, holding each module's {@code target/*-exec.jar} (failsafe sets it). */
    static final Path PROJECT_DIR = Path.of(System.getProperty("suggestionbox.project-dir", ".."));

    private TestStacks() {}

    /** A stack builder with its own data directory, named {@code <prefix><random>} in the temporary directory. */
    static LocalStack.Builder builder(String prefix) {
        try {
            return LocalStack.builder()
                    .dataDir(Files.createTempDirectory(prefix))
                    .projectDir(PROJECT_DIR)
                    .ports(Ports.random())
                    .demoData(false)
                    .aotCache(true)
                    .mongoInMemory(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
