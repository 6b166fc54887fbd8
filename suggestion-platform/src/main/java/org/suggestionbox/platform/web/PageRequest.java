package org.suggestionbox.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * {@code ?limit=&cursor=} of a list: at most {@value #MAX_LIMIT} rows, {@value #DEFAULT_LIMIT}
 * when not asked. A limit that is not a whole number from 1 to {@value #MAX_LIMIT} is refused with
 * {@link InvalidPageRequestException} (400), not clamped, so a client learns the bound.
 */
public record PageRequest(int limit, @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 50;

    public static final int MAX_LIMIT = 200;

    private static final int MAX_CURSOR_LENGTH = 1024;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidPageRequestException.limit();
        }
        if (cursor != null && (cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH)) {
            throw InvalidPageRequestException.cursor();
        }
    }

    /** Parses the raw request parameters; either may be absent. */
    public static PageRequest of(@Nullable String limit, @Nullable String cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException ex) {
                throw InvalidPageRequestException.limit();
            }
        }
        return new PageRequest(parsed, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /** The decoded cursor with {@code size} parts, or null on the first page. */
    public @Nullable Cursor decodedCursor(int size) {
        return cursor == null ? null : Cursor.decode(cursor, size);
    }

    /** How many rows to read: one more than shown tells whether there is a next page. */
    public int readLimit() {
        return limit + 1;
    }
}
