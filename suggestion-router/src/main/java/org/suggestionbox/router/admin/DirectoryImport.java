package org.suggestionbox.router.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.idea.Violation;

/**
 * Reads and checks an HR directory export. CSV has the header
 * {@code id,name,email,department,managerId,locale,slackId,teamsId,roles} (any column order, fields may
 * be double-quoted, roles separated by {@code |}); rows are numbered as lines of the file, the header
 * being row 1. JSON is an array of people, rows numbered from 1. Errors name the row and the field.
 */
final class DirectoryImport {

    static final List<String> COLUMNS =
            List.of("id", "name", "email", "department", "managerId", "locale", "slackId", "teamsId", "roles");
    private static final Set<String> LOCALES = Set.of("en", "he", "pl");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private DirectoryImport() {}

    /** Either people ready to replace the directory, or what is wrong. */
    record Outcome(List<Person> people, List<Violation> violations) {}

    static Outcome fromCsv(String csv, String triageOwner) {
        List<List<String>> lines = parseCsv(csv);
        if (lines.isEmpty()) {
            return new Outcome(List.of(), List.of(new Violation("file", "The file is empty.")));
        }
        List<String> header = lines.getFirst().stream().map(String::strip).toList();
        List<Violation> violations = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                violations.add(new Violation(
                        "header", "Column " + column + " is missing; expected " + String.join(",", COLUMNS) + "."));
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome(List.of(), violations);
        }
        List<PersonRow> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (line.size() == 1 && line.getFirst().isBlank()) {
                continue;
            }
            if (line.size() != header.size()) {
                violations.add(new Violation(
                        "row " + (i + 1),
                        "Row " + (i + 1) + " has " + line.size() + " fields, the header " + header.size() + "."));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), line.get(c).strip());
            }
            String roles = values.get("roles");
            rows.add(new PersonRow(
                    values.get("id"),
                    values.get("name"),
                    values.get("email"),
                    values.get("department"),
                    values.get("managerId"),
                    values.get("locale"),
                    values.get("slackId"),
                    values.get("teamsId"),
                    roles == null || roles.isBlank()
                            ? List.of()
                            : Arrays.stream(roles.split("\\|"))
                                    .map(String::strip)
                                    .toList()));
            rowNumbers.add(i + 1);
        }
        Outcome checked = check(rows, rowNumbers, triageOwner, violations.isEmpty());
        violations.addAll(checked.violations());
        return new Outcome(violations.isEmpty() ? checked.people() : List.of(), violations);
    }

    static Outcome fromRows(List<PersonRow> rows, String triageOwner) {
        List<Integer> rowNumbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            rowNumbers.add(i + 1);
        }
        return check(rows, rowNumbers, triageOwner, true);
    }

    private static Outcome check(
            List<PersonRow> rows, List<Integer> rowNumbers, String triageOwner, boolean wholeFileChecks) {
        List<Violation> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PersonRow row : rows) {
            if (row != null && row.id() != null) {
                ids.add(row.id().strip());
            }
        }
        Set<String> seen = new HashSet<>();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PersonRow row = rows.get(i);
            String at = "row " + rowNumbers.get(i);
            if (row == null) {
                violations.add(new Violation(at, "Row " + rowNumbers.get(i) + " is empty."));
                continue;
            }
            int before = violations.size();
            String id = blankToNull(row.id());
            if (id == null) {
                violations.add(error(at, "id", "is required"));
            } else if (!seen.add(id)) {
                violations.add(error(at, "id", "'" + id + "' appears more than once"));
            }
            if (blankToNull(row.name()) == null) {
                violations.add(error(at, "name", "is required"));
            }
            String email = blankToNull(row.email());
            if (email == null || !EMAIL.matcher(email).matches()) {
                violations.add(error(at, "email", "'" + (email == null ? "" : email) + "' is not an e-mail address"));
            }
            if (blankToNull(row.department()) == null) {
                violations.add(error(at, "department", "is required"));
            }
            String managerId = blankToNull(row.managerId());
            if (managerId != null && (!ids.contains(managerId) || managerId.equals(id))) {
                violations.add(error(at, "managerId", "'" + managerId + "' is nobody else in the file"));
            }
            String locale = blankToNull(row.locale());
            if (locale == null || !LOCALES.contains(locale)) {
                violations.add(
                        error(at, "locale", "'" + (locale == null ? "" : locale) + "' is not one of en, he, pl"));
            }
            Set<Role> roles = new HashSet<>();
            List<String> written = row.roles() == null ? List.of() : row.roles();
            for (String role : written) {
                try {
                    roles.add(Role.valueOf(String.valueOf(role).strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    violations.add(error(at, "roles", "'" + role + "' is not one of EMPLOYEE, OWNER, LEADER, ADMIN"));
                }
            }
            if (written.isEmpty()) {
                violations.add(error(at, "roles", "at least one role is required"));
            }
            if (violations.size() == before && id != null) {
                people.add(new Person(
                        id,
                        String.valueOf(row.name()).strip(),
                        String.valueOf(email),
                        String.valueOf(row.department()).strip(),
                        managerId,
                        String.valueOf(locale),
                        blankToNull(row.slackId()),
                        blankToNull(row.teamsId()),
                        roles));
            }
        }
        if (violations.isEmpty() && wholeFileChecks) {
            if (people.stream().noneMatch(person -> person.hasRole(Role.ADMIN))) {
                violations.add(new Violation("roles", "Keep at least one ADMIN, or nobody could import again."));
            }
            if (people.stream().noneMatch(person -> person.id().equals(triageOwner) && person.hasRole(Role.OWNER))) {
                violations.add(new Violation(
                        "roles",
                        "The triage owner " + triageOwner + " must stay in the directory with the OWNER role."));
            }
        }
        return new Outcome(violations.isEmpty() ? List.copyOf(people) : List.of(), violations);
    }

    private static Violation error(String at, String field, String message) {
        return new Violation(at + "." + field, capitalised(at) + ", " + field + ": " + message + ".");
    }

    private static String capitalised(String at) {
        return Character.toUpperCase(at.charAt(0)) + at.substring(1);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** RFC 4180 lines: comma-separated, fields optionally double-quoted ({@code ""} inside for a quote). */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
