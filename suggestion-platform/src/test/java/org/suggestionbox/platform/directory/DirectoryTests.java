package org.suggestionbox.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

class DirectoryTests {

    private static final String ONE_PERSON = """
            [{"id":"alice","name":"Alice","email":"alice@example.test","department":"CS","managerId":null,
              "locale":"en","slackId":"U1","teamsId":null,"roles":["EMPLOYEE"]}]""";

    @TempDir
    Path folder;

    @Test
    void demoDirectoryHasTheDocumentedPeople() {
        Directory directory = new Directory(
                new DefaultResourceLoader(), JsonMapper.builder().build(), "classpath:directory/demo-directory.json");

        assertThat(directory.all())
                .extracting(Person::id)
                .containsExactlyInAnyOrder("alice", "noa", "piotr", "maya", "jan", "lea", "admin");
        assertThat(directory.get("maya").hasRole(Role.OWNER)).isTrue();
        assertThat(directory.findBySlackId("U0NOA")).map(Person::id).contains("noa");
        assertThat(directory.findByEmail("PIOTR@suggestionbox.example"))
                .map(Person::id)
                .contains("piotr");
        assertThat(directory.headcountByDepartment()).containsEntry("Customer Service", 3L);
    }

    @Test
    void unreadableFileOnReloadLeavesTheDirectoryAsItWas() throws IOException {
        Path file = folder.resolve("people.json");
        Files.writeString(file, ONE_PERSON);
        Directory directory = new Directory(
                new DefaultResourceLoader(),
                JsonMapper.builder().build(),
                file.toUri().toString());

        Files.writeString(file, "[{\"id\": broken");

        assertThatExceptionOfType(Directory.UnreadableDirectoryException.class).isThrownBy(directory::reload);
        assertThat(directory.all()).extracting(Person::id).containsExactly("alice");
    }

    @Test
    void duplicateIdsAreRefusedOnReload() throws IOException {
        Path file = folder.resolve("people.json");
        Files.writeString(file, ONE_PERSON);
        Directory directory = new Directory(
                new DefaultResourceLoader(),
                JsonMapper.builder().build(),
                file.toUri().toString());
        String twice = ONE_PERSON.substring(0, ONE_PERSON.length() - 1) + "," + ONE_PERSON.substring(1);
        Files.writeString(file, twice);

        assertThatExceptionOfType(Directory.UnreadableDirectoryException.class)
                .isThrownBy(directory::reload)
                .withMessageContaining("Duplicate person id");
        assertThat(directory.all()).hasSize(1);
    }
}
