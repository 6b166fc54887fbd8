package org.suggestionbox.platform.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location where the directory export is read from: a JSON array of people
 */
@ConfigurationProperties("suggestionbox.directory")
public record DirectoryProperties(
        @DefaultValue("classpath:directory/demo-directory.json")
        String location) {}
