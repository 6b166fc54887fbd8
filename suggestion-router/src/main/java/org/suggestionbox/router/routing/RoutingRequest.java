package org.suggestionbox.router.routing;

import org.jspecify.annotations.Nullable;

/** What routing looks at in an idea. */
public record RoutingRequest(String category, @Nullable String department, String title, String description) {

    public static RoutingRequest ofCategory(String category) {
        return new RoutingRequest(category, null, "", "");
    }
}
