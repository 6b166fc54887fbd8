package org.suggestionbox.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

class CoSubmittersTests {

    private static final Person OWNER = person("maya", Role.EMPLOYEE, Role.OWNER);
    private static final Person EMPLOYEE = person("alice", Role.EMPLOYEE);
    private static final Predicate<String> KNOWN = Set.of("alice", "noa", "piotr", "maya")::contains;

    @Test
    void ideaNotFromAMeetingHasNoCoSubmittersWhoeverSendsIt() {
        assertThat(CoSubmitters.check(EMPLOYEE, null, true, KNOWN))
                .isEqualTo(new CoSubmitters.Checked.Valid(List.of()));
    }

    @Test
    void duplicatesBlanksAndTheOwnerThemselvesAreDropped() {
        assertThat(CoSubmitters.check(OWNER, List.of(" alice", "noa", "alice", "maya", ""), false, KNOWN))
                .isEqualTo(new CoSubmitters.Checked.Valid(List.of("alice", "noa")));
    }

    @Test
    void eachBrokenRuleHasItsOwnMessage() {
        assertThat(code(CoSubmitters.check(EMPLOYEE, List.of("noa"), false, KNOWN)))
                .isEqualTo("idea.error.coSubmitters.ownersOnly");
        assertThat(code(CoSubmitters.check(OWNER, List.of("noa"), true, KNOWN)))
                .isEqualTo("idea.error.coSubmitters.anonymous");
        assertThat(code(CoSubmitters.check(OWNER, List.of("maya"), false, KNOWN)))
                .isEqualTo("idea.error.coSubmitters.required");
        assertThat(code(CoSubmitters.check(OWNER, List.of("noa", "ghost"), false, KNOWN)))
                .isEqualTo("idea.error.coSubmitters.unknown");
        List<String> many = java.util.stream.IntStream.rangeClosed(1, CoSubmitters.MAX + 1)
                .mapToObj(i -> "p" + i)
                .toList();
        assertThat(code(CoSubmitters.check(OWNER, many, false, id -> true)))
                .isEqualTo("idea.error.coSubmitters.tooMany");
        assertThat(CoSubmitters.check(OWNER, many.subList(0, CoSubmitters.MAX), false, id -> true))
                .isInstanceOf(CoSubmitters.Checked.Valid.class);
    }

    private static String code(CoSubmitters.Checked checked) {
        assertThat(checked).isInstanceOf(CoSubmitters.Checked.Invalid.class);
        FieldViolation violation = ((CoSubmitters.Checked.Invalid) checked).violation();
        assertThat(violation.field()).isEqualTo("coSubmitterIds");
        return violation.code();
    }

    private static Person person(String id, Role... roles) {
        return new Person(id, id, id + "@example.com", "Dept", null, "en", null, null, Set.of(roles));
    }
}
