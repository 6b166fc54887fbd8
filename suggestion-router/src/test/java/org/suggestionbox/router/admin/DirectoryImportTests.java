package org.suggestionbox.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.idea.Violation;

class DirectoryImportTests {

    private static final String HEADER = "id,name,email,department,managerId,locale,slackId,teamsId,roles\n";

    @Test
    void aValidCsvBecomesPeopleWithQuotedFieldsAndPipeSeparatedRoles() {
        String csv = HEADER
                + "maya,\"Rosen, Maya\",maya@example.com,Customer Service,,en,U0MAYA,29:maya,EMPLOYEE|OWNER\r\n"
                + "admin,Administrator,admin@example.com,IT,maya,he,,,ADMIN\n";

        DirectoryImport.Outcome outcome = DirectoryImport.fromCsv(csv, "maya");

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.people())
                .containsExactly(
                        new Person(
                                "maya",
                                "Rosen, Maya",
                                "maya@example.com",
                                "Customer Service",
                                null,
                                "en",
                                "U0MAYA",
                                "29:maya",
                                Set.of(Role.EMPLOYEE, Role.OWNER)),
                        new Person(
                                "admin",
                                "Administrator",
                                "admin@example.com",
                                "IT",
                                "maya",
                                "he",
                                null,
                                null,
                                Set.of(Role.ADMIN)));
    }

    @Test
    void everyBadFieldIsReportedWithItsRowAndNothingIsImported() {
        String csv = HEADER
                + "maya,Maya,maya@example.com,CS,,en,,,EMPLOYEE|OWNER\n"
                + "maya,Twin,not-an-email,CS,nobody,de,,,EMPLOYEE|BOSS\n"
                + "admin,Admin,admin@example.com,IT,,en,,,ADMIN\n";

        DirectoryImport.Outcome outcome = DirectoryImport.fromCsv(csv, "maya");

        assertThat(outcome.people()).isEmpty();
        assertThat(outcome.violations())
                .extracting(Violation::field)
                .containsExactly("row 3.id", "row 3.email", "row 3.managerId", "row 3.locale", "row 3.roles");
        assertThat(outcome.violations().getFirst().message()).isEqualTo("Row 3, id: 'maya' appears more than once.");
    }

    @Test
    void aMissingColumnOrAShortRowIsNamed() {
        assertThat(DirectoryImport.fromCsv("id,name\nmaya,Maya\n", "maya").violations())
                .extracting(Violation::field)
                .contains("header");
        assertThat(DirectoryImport.fromCsv(HEADER + "maya,Maya\n", "maya").violations())
                .extracting(Violation::field)
                .containsExactly("row 2");
    }

    @Test
    void jsonRowsAreCheckedAlikeAndTheTriageOwnerAndAnAdminMustStay() {
        PersonRow jan =
                new PersonRow("jan", "Jan", "jan@example.com", "Logistics", null, "pl", null, null, List.of("OWNER"));

        assertThat(DirectoryImport.fromRows(List.of(jan), "maya").violations())
                .extracting(Violation::message)
                .containsExactly(
                        "Keep at least one ADMIN, or nobody could import again.",
                        "The triage owner maya must stay in the directory with the OWNER role.");
        PersonRow bad = new PersonRow("x", "X", "x@", "IT", "x", "en", null, null, List.of("ADMIN"));
        assertThat(DirectoryImport.fromRows(List.of(jan, bad), "jan").violations())
                .extracting(Violation::field)
                .containsExactly("row 2.email", "row 2.managerId");
    }
}
