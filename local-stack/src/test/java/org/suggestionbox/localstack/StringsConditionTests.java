package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which conditions the MongoDB-wire backend decides by a set lookup, and what it leaves to the library. */
class StringsConditionTests {

    private static Document condition(String operator, Object... values) {
        return new Document(operator, List.of(values));
    }

    @Test
    void theCountersAndTheLedgersConditionsAreTakenOutOfTheQuery() {
        StringsCondition counters =
                StringsCondition.of(new Document("_id", "c1").append("applied", condition("$nin", "e1", "e2")));
        StringsCondition inAnAnd = StringsCondition.of(new Document(
                "$and", List.of(new Document("_id", "c1"), new Document("applied", condition("$nin", "e1", "e2")))));
        StringsCondition ledger = StringsCondition.of(new Document("_id", condition("$in", "d1", "d2")));

        assertThat(counters)
                .isEqualTo(new StringsCondition("applied", Set.of("e1", "e2"), true, new Document("_id", "c1")));
        assertThat(inAnAnd)
                .isEqualTo(new StringsCondition(
                        "applied", Set.of("e1", "e2"), true, new Document("$and", List.of(new Document("_id", "c1")))));
        assertThat(ledger).isEqualTo(new StringsCondition("_id", Set.of("d1", "d2"), false, new Document()));
    }

    @Test
    void otherConditionsAreLeftToTheLibrary() {
        assertThat(StringsCondition.of(new Document("applied", condition("$nin", "e1", 2))))
                .as("not only strings")
                .isNull();
        assertThat(StringsCondition.of(new Document("a.b", condition("$in", "e1"))))
                .as("a path")
                .isNull();
        assertThat(StringsCondition.of(
                        new Document("applied", condition("$nin", "e1").append("$exists", true))))
                .as("with another operator")
                .isNull();
        assertThat(StringsCondition.of(new Document("applied", condition("$in"))))
                .as("nothing listed")
                .isNull();
        assertThat(StringsCondition.of(new Document("applied", condition("$all", "e1"))))
                .isNull();
    }

    @Test
    void aDocumentMatchesWhenItsFieldHoldsOneOrNoneOfTheStrings() {
        StringsCondition notIn = new StringsCondition("applied", Set.of("e1"), true, new Document());
        StringsCondition in = new StringsCondition("applied", Set.of("e1"), false, new Document());

        assertThat(notIn.matches(new Document("applied", List.of("e2", "e3")))).isTrue();
        assertThat(notIn.matches(new Document("applied", List.of("e2", "e1")))).isFalse();
        assertThat(notIn.matches(new Document("applied", "e1"))).isFalse();
        assertThat(notIn.matches(new Document())).isTrue();
        assertThat(in.matches(new Document("applied", List.of("e2", "e1")))).isTrue();
        assertThat(in.matches(new Document("applied", "e1"))).isTrue();
        assertThat(in.matches(new Document("applied", "e2"))).isFalse();
        assertThat(in.matches(new Document())).isFalse();
        assertThat(notIn.decides(new Document("applied", List.of("e2", List.of("e1")))))
                .as("an array of arrays is the library's")
                .isFalse();
    }
}
