package org.suggestionbox.platform.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location where the directory export is read from: a JSON array of people. It has no default: in
 *        production each service requires {@code SUGGESTIONBOX_DIRECTORY_LOCATION}, and only the {@code local}
 *        profile names the demo directory
 */
@ConfigurationProperties("suggestionbox.directory")
public record DirectoryProperties(@Nullable String location) {}
