package org.suggestionbox.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} executable of the running JVM, so child processes run on the same JDK. */
final class JavaCommand {

    private JavaCommand() {}

    static String current() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(command -> Files.isExecutable(Path.of(command)))
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
