package org.suggestionbox.platform.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location where the directory export is read from: a JSON array of people. It has no default: in
 *        production each service requires {@code SUGGESTIONBOX_DIRECTORY_LOCATION}, and only the {@code local}
 *        profile names the demo directory
 */
@ConfigurationProperties("suggestionbox.directory")
public record DirectoryProperties(String location) {

    public DirectoryProperties {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("suggestionbox.directory.location (SUGGESTIONBOX_DIRECTORY_LOCATION) is"
                    + " not set: name the directory export, a JSON array of people");
        }
    }
}
