package org.suggestionbox.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the three services are reachable by a browser, for the shared navigation and for links in
 * messages.
 */
@ConfigurationProperties("suggestionbox.links")
public record PlatformLinks(
        @DefaultValue("http://localhost:8081") String intake,
        @DefaultValue("http://localhost:8082") String router,
        @DefaultValue("http://localhost:8083") String notifier) {}
