package org.suggestionbox.intake.submission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * The rules for an idea submitted on behalf of a team meeting: only owners may submit one; it names
 * 1 to {@value #MAX} known co-submitters (duplicates and the submitter are dropped); and it cannot
 * be anonymous, because the co-submitters, who all hear the outcome, would tell who was in the
 * meeting and so who sent it.
 */
public final class CoSubmitters {

    public static final String FIELD = "coSubmitterIds";
    public static final int MAX = 20;
    private static final int SHOWN_ID_LENGTH = 40;

    /** Either the cleaned list of co-submitters or what is wrong with them. */
    sealed interface Checked {

        record Valid(List<String> ids) implements Checked {

            public Valid {
                ids = List.copyOf(ids);
            }
        }

        record Invalid(FieldViolation violation) implements Checked {}
    }

    private CoSubmitters() {}

    /**
     * @param ids what the submitter asked for; {@code null} when the idea is not from a team meeting
     * @param known whether an id names someone in the directory
     */
    static Checked check(Person submitter, @Nullable List<String> ids, boolean anonymous, Predicate<String> known) {
        if (ids == null) {
            return new Checked.Valid(List.of());
        }
        if (!submitter.hasRole(Role.OWNER)) {
            return invalid("idea.error.coSubmitters.ownersOnly");
        }
        if (anonymous) {
            return invalid("idea.error.coSubmitters.anonymous");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            String trimmed = id.strip();
            if (!trimmed.isEmpty() && !trimmed.equals(submitter.id())) {
                unique.add(trimmed);
            }
        }
        if (unique.isEmpty()) {
            return invalid("idea.error.coSubmitters.required");
        }
        if (unique.size() > MAX) {
            return invalid("idea.error.coSubmitters.tooMany", MAX, unique.size());
        }
        List<String> unknown = new ArrayList<>();
        for (String id : unique) {
            if (!known.test(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            // the ids come from the request itself, so naming them back tells the caller nothing new
            return invalid(
                    "idea.error.coSubmitters.unknown",
                    String.join(
                            ", ",
                            unknown.stream()
                                    .map(id ->
                                            id.length() > SHOWN_ID_LENGTH ? id.substring(0, SHOWN_ID_LENGTH) + "…" : id)
                                    .toList()));
        }
        return new Checked.Valid(List.copyOf(unique));
    }

    private static Checked invalid(String code, Object... args) {
        return new Checked.Invalid(FieldViolation.of(FIELD, code, args));
    }
}
