package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a document in the MongoDB-wire stand-in's file as BSON, with the library's own wire encoder and
 * decoder, instead of H2's default for any object: Java serialization. Serialization took a third of the
 * stand-in's CPU under load (JFR, issue #13: {@code ObjectOutputStream} at the top of the profile), and every
 * document the stand-in stores came off the wire as BSON, so the wire's codec reads back exactly what it wrote.
 * A value in the file is the BSON document itself, its own length first (little-endian, as BSON has it).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** What H2 counts for a document in its page cache: a guess by size, as H2's own object type guesses. */
    private static final int MEMORY_PER_FIELD = 96;

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document document) {
        return 64 + document.size() * MEMORY_PER_FIELD;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
