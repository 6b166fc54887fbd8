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
 * restarts services about twenty times (each fault scenario kills or adds some).
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
                    .aotCache(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
