package org.suggestionbox.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page ended: the sort key and id of its last row, handed to clients as an opaque
 * base64url string. A cursor that does not decode is a {@link InvalidPageRequestException}.
 */
public record Cursor(List<String> parts) {

    private static final String VERSION = "c1";

    private static final char SEPARATOR = '\u001f';

    public Cursor {
        parts = List.copyOf(parts);
    }

    public static Cursor of(String... parts) {
        return new Cursor(List.of(parts));
    }

    public String encode() {
        String raw = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of exactly {@code size} parts, or throws {@link InvalidPageRequestException}. */
    public static Cursor decode(String cursor, int size) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw InvalidPageRequestException.cursor();
        }
        List<String> split = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
        if (split.size() != size + 1 || !VERSION.equals(split.getFirst())) {
            throw InvalidPageRequestException.cursor();
        }
        return new Cursor(split.subList(1, split.size()));
    }

    public String part(int index) {
        return parts.get(index);
    }

    /** The part as an instant, or {@link InvalidPageRequestException} when it is none. */
    public Instant instantPart(int index) {
        try {
            return Instant.parse(part(index));
        } catch (DateTimeParseException ex) {
            throw InvalidPageRequestException.cursor();
        }
    }

    /** The part as a UUID, or {@link InvalidPageRequestException} when it is none. */
    public UUID uuidPart(int index) {
        try {
            return UUID.fromString(part(index));
        } catch (IllegalArgumentException ex) {
            throw InvalidPageRequestException.cursor();
        }
    }
}
