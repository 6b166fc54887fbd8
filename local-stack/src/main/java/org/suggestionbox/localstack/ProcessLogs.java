package org.suggestionbox.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What to show a person when a child process fails: the first error lines of its log, else its tail. */
final class ProcessLogs {

    private ProcessLogs() {}

    static String excerpt(Path logFile, int maxLines) {
        List<String> lines;
        try {
            lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return "(no log at " + logFile + ")";
        }
        int firstError = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(" ERROR ")
                    || line.startsWith("Exception")
                    || line.startsWith("Error")
                    || line.contains("APPLICATION FAILED TO START")) {
                firstError = i;
                break;
            }
        }
        int from = firstError >= 0 ? firstError : Math.max(0, lines.size() - maxLines);
        List<String> shown = lines.subList(from, Math.min(lines.size(), from + maxLines));
        return "    " + String.join(System.lineSeparator() + "    ", shown) + System.lineSeparator() + "    (full log: "
                + logFile + ")";
    }
}
