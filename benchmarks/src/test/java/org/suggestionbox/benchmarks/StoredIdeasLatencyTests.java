package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.util.UUID;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class StoredIdeasLatencyTests {

    @Test
    void aCopyOfAnIdeaWithABinaryUuidIdGetsANewIdOfTheSameKindThatDecodesAsAUuid() {
        for (UuidRepresentation representation :
                new UuidRepresentation[] {UuidRepresentation.STANDARD, UuidRepresentation.JAVA_LEGACY}) {
            UUID original = UUID.randomUUID();
            Binary stored = asStoredBy(representation, original);

            Object copied = StoredIdeasLatency.newIdLike(stored);

            assertThat(copied).isInstanceOf(Binary.class);
            assertThat(((Binary) copied).getType()).isEqualTo(stored.getType());
            UUID read = readBy(representation, (Binary) copied);
            assertThat(read).isNotEqualTo(original);
            assertThat(read.version()).isEqualTo(4);
        }
    }

    @Test
    void uuidAndStringIdsStayWhatTheyWere() {
        assertThat(StoredIdeasLatency.newIdLike(UUID.randomUUID())).isInstanceOf(UUID.class);
        assertThat(StoredIdeasLatency.newIdLike("4b1c7a52-0a57-4c9f-9d43-1f1b2c3d4e5f"))
                .isInstanceOfSatisfying(
                        String.class, id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    /** The id as a service with {@code representation} writes it, read back without one (as the benchmark does). */
    private static Binary asStoredBy(UuidRepresentation representation, UUID id) {
        BsonDocument bson = new BsonDocument();
        codec(representation)
                .encode(
                        new BsonDocumentWriter(bson),
                        new Document("_id", id),
                        EncoderContext.builder().build());
        Document raw = codec(UuidRepresentation.UNSPECIFIED)
                .decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
        Binary binary = raw.get("_id", Binary.class);
        assertThat(binary.getType())
                .isEqualTo(
                        representation == UuidRepresentation.STANDARD
                                ? BsonBinarySubType.UUID_STANDARD.getValue()
                                : BsonBinarySubType.UUID_LEGACY.getValue());
        return binary;
    }

    private static UUID readBy(UuidRepresentation representation, Binary id) {
        BsonDocument bson = new BsonDocument();
        codec(UuidRepresentation.UNSPECIFIED)
                .encode(
                        new BsonDocumentWriter(bson),
                        new Document("_id", id),
                        EncoderContext.builder().build());
        return codec(representation)
                .decode(new BsonDocumentReader(bson), DecoderContext.builder().build())
                .get("_id", UUID.class);
    }

    private static Codec<Document> codec(UuidRepresentation representation) {
        return CodecRegistries.withUuidRepresentation(MongoClientSettings.getDefaultCodecRegistry(), representation)
                .get(Document.class);
    }
}
