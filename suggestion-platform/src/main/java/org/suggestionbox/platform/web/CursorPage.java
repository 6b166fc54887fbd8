package org.suggestionbox.platform.web;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. Pass {@code nextCursor}
 * back as {@code ?cursor=} for the following page; {@code null} means this was the last one.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * The page from a read of up to {@code limit + 1} rows: a row beyond the limit only says there is
     * more, and the cursor points after the last row shown.
     */
    public static <T> CursorPage<T> of(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.limit()) {
            return new CursorPage<>(rows, null);
        }
        List<T> shown = rows.subList(0, request.limit());
        return new CursorPage<>(shown, cursorOf.apply(shown.getLast()).encode());
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
