package org.suggestionbox.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the three services are reachable by a browser, for the shared navigation and for links in messages. No
 * defaults: links to {@code localhost} in a production mail would reach nobody, so each service requires
 * {@code SUGGESTIONBOX_LINKS_INTAKE}, {@code _ROUTER} and {@code _NOTIFIER} outside the {@code local} profile, which
 * names the local stack's ports.
 */
@ConfigurationProperties("suggestionbox.links")
public record PlatformLinks(String intake, String router, String notifier) {

    public PlatformLinks {
        List<String> unset = new ArrayList<>();
        if (intake == null || intake.isBlank()) {
            unset.add("SUGGESTIONBOX_LINKS_INTAKE");
        }
        if (router == null || router.isBlank()) {
            unset.add("SUGGESTIONBOX_LINKS_ROUTER");
        }
        if (notifier == null || notifier.isBlank()) {
            unset.add("SUGGESTIONBOX_LINKS_NOTIFIER");
        }
        if (!unset.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unset)
                    + " (suggestionbox.links.*) not set: name where browsers reach each service");
        }
    }
}
