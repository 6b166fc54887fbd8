package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Told about every request refused for its size, e.g. to count it in a service's own metric. */
@FunctionalInterface
public interface OversizedRequestListener {

    void refused(HttpServletRequest request);
}
