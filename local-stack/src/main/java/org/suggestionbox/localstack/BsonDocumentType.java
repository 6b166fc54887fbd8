package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the MongoWireBackend writes documents into H2's pages: as BSON, the wire protocol's own encoding, behind a
 * marker byte, instead of H2's default of Java serialization (a third of the server's CPU samples under load, by
 * JFR). Pages written before, with Java serialization, are still read: H2 marks those values with its type tag for a
 * serialized object, never with this marker. A document BSON cannot encode is written the old way.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not a type tag of H2's {@link ObjectDataType}, whose tags stay below 128. */
    private static final byte BSON = (byte) 0xB5;

    private static final ObjectDataType SERIALIZED = new ObjectDataType();

    private BsonDocumentType() {}

    /** An estimate for H2's page cache: a document's fields and their values. */
    @Override
    public int getMemory(Document document) {
        return 64 + 64 * document.size();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } catch (RuntimeException unencodable) {
            SERIALIZED.write(buffer, document);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) SERIALIZED.read(buffer);
        }
        int start = buffer.position() + 1;
        // BSON starts with its length, little-endian, the length included
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return withSharedNames(document);
    }

    /**
     * The document with its field names, and those of the documents inside it, replaced by one instance each
     * ({@link String#intern}). Decoded from a page, every document brings a new string for every field name, and
     * the server keeps every document it has read in memory.
     */
    private static Document withSharedNames(Document document) {
        Document shared = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            shared.put(field.getKey().intern(), sharedNamesIn(field.getValue()));
        }
        return shared;
    }

    private static Object sharedNamesIn(Object value) {
        if (value instanceof Document document) {
            return withSharedNames(document);
        }
        if (value instanceof List<?> list) {
            List<Object> shared = new ArrayList<>(list.size());
            for (Object element : list) {
                shared.add(sharedNamesIn(element));
            }
            return shared;
        }
        return value;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
