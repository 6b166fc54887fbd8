package org.suggestionbox.platform.directory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(DirectoryProperties.class)
public class DirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Directory directory(ResourceLoader resourceLoader, JsonMapper jsonMapper, DirectoryProperties properties) {
        return new Directory(resourceLoader, jsonMapper, properties.location());
    }
}
