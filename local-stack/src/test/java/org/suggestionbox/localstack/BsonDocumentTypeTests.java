package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTests {

    private static final Document IDEA = new Document("_id", "idea-1")
            .append("title", "Quieter meeting rooms")
            .append("owner", new Document("id", "maya").append("team", "customer-experience"))
            .append("history", List.of(new Document("state", "SUBMITTED"), new Document("state", "ASSIGNED")))
            .append("note", null);

    @Test
    void documentsReadFromPagesShareTheirFieldNames() {
        Document first = readBack(IDEA);
        Document second = readBack(IDEA);

        assertThat(first).isEqualTo(IDEA).isEqualTo(second);
        assertSameNames(first, second);
        assertSameNames((Document) first.get("owner"), (Document) second.get("owner"));
        assertSameNames((Document) ((List<?>) first.get("history")).get(1), (Document)
                ((List<?>) second.get("history")).get(0));
    }

    @Test
    void theOrderOfFieldsStaysAsWritten() {
        assertThat(readBack(IDEA).keySet()).containsExactly("_id", "title", "owner", "history", "note");
    }

    private static Document readBack(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();
        return BsonDocumentType.INSTANCE.read(written);
    }

    /** The same field names, each the same instance in both. */
    private static void assertSameNames(Document first, Document second) {
        assertThat(first.keySet()).containsExactlyElementsOf(second.keySet());
        Iterator<String> others = second.keySet().iterator();
        for (String name : first.keySet()) {
            assertThat(name).isSameAs(others.next());
        }
    }
}
