package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCleanupTests {

    @TempDir
    Path dataDir;

    @Test
    void theStacksDataIsDeletedAndItsLogsKept() throws IOException {
        Path mongo = Files.writeString(this.dataDir.resolve("mongo.mv"), "pages");
        Path kafka = Files.createDirectories(this.dataDir.resolve("kafka/data/ideas.submitted.v1-0"));
        Files.writeString(kafka.resolve("00000000000000000000.log"), "records");
        Path log = Files.writeString(
                Files.createDirectories(this.dataDir.resolve("logs")).resolve("suggestion-router.log"), "started");

        PipelineBenchmark.deleteAllBut(this.dataDir.resolve("logs"), this.dataDir);

        assertThat(mongo).doesNotExist();
        assertThat(this.dataDir.resolve("kafka")).doesNotExist();
        assertThat(log).hasContent("started");
        assertThat(this.dataDir).exists();
    }
}
