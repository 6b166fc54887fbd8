package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a paged page (the {@code fragments/layout :: pager} fragment): the same path and
 * query with the cursor replaced, so filters stay as they are. Relative to the host, no JavaScript.
 *
 * @param firstUrl back to the first page, null on the first page
 * @param nextUrl the following page, null on the last page
 */
public record PagerLinks(
        @Nullable String firstUrl, @Nullable String nextUrl) {

    public static PagerLinks of(HttpServletRequest request, PageRequest page, CursorPage<?> shown) {
        String query = request.getQueryString();
        UriComponentsBuilder here =
                UriComponentsBuilder.fromPath(request.getRequestURI()).query(query);
        String first = page.cursor() == null
                ? null
                : here.cloneBuilder().replaceQueryParam("cursor").build().toUriString();
        String next = shown.nextCursor() == null
                ? null
                : here.cloneBuilder()
                        .replaceQueryParam("cursor", shown.nextCursor())
                        .build()
                        .toUriString();
        return new PagerLinks(first, next);
    }
}
