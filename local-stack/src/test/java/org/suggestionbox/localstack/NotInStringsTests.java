package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which conditions the MongoDB-wire backend decides by a set lookup, and what it leaves to the library. */
class NotInStringsTests {

    private static Document notIn(Object... values) {
        return new Document("$nin", List.of(values));
    }

    @Test
    void theCountersConditionIsTakenOutOfTheQueryAtTheTopLevelAndInAnAnd() {
        NotInStrings top = NotInStrings.in(new Document("_id", "c1").append("applied", notIn("e1", "e2")));
        NotInStrings and = NotInStrings.in(new Document(
                "$and", List.of(new Document("_id", "c1"), new Document("applied", notIn("e1", "e2")))));

        assertThat(top).isEqualTo(new NotInStrings("applied", Set.of("e1", "e2"), new Document("_id", "c1")));
        assertThat(and)
                .isEqualTo(new NotInStrings(
                        "applied", Set.of("e1", "e2"), new Document("$and", List.of(new Document("_id", "c1")))));
    }

    @Test
    void otherConditionsAreLeftToTheLibrary() {
        assertThat(NotInStrings.in(new Document("applied", notIn("e1", 2))))
                .as("not only strings")
                .isNull();
        assertThat(NotInStrings.in(new Document("a.b", notIn("e1"))))
                .as("a path")
                .isNull();
        assertThat(NotInStrings.in(new Document("applied", notIn("e1").append("$exists", true))))
                .as("with another operator")
                .isNull();
        assertThat(NotInStrings.in(new Document("applied", notIn())))
                .as("nothing listed")
                .isNull();
        assertThat(NotInStrings.in(new Document("applied", new Document("$in", List.of("e1")))))
                .isNull();
    }

    @Test
    void aDocumentMatchesWhenItsFieldHoldsNoneOfTheStrings() {
        NotInStrings notIn = new NotInStrings("applied", Set.of("e1"), new Document());

        assertThat(notIn.matches(new Document("applied", List.of("e2", "e3")))).isTrue();
        assertThat(notIn.matches(new Document("applied", List.of("e2", "e1")))).isFalse();
        assertThat(notIn.matches(new Document("applied", "e1"))).isFalse();
        assertThat(notIn.matches(new Document())).isTrue();
        assertThat(notIn.decides(new Document("applied", List.of("e2", List.of("e1")))))
                .as("an array of arrays is the library's")
                .isFalse();
    }
}
