package org.suggestionbox.router.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;

/** Reads a routing rules file ({@code suggestionbox.router.rules-location}). */
final class RoutingConfiguration {

    private RoutingConfiguration() {}

    /** Parses a rules file into rules. */
    static List<RoutingRule> load(Resource resource) {
        return loadDefinitions(resource).stream().map(RuleDefinition::toRule).toList();
    }

    /**
     * Parses a rules file: {@code rules: [{id, category, department, keywords, owner | team, strategy}]},
     * each list also written as a single value.
     */
    static List<RuleDefinition> loadDefinitions(Resource resource) {
        if (!resource.exists()) {
            throw new UncheckedIOException(new IOException("No routing rules at " + resource));
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(resource);
        Properties properties = yaml.getObject();
        Binder binder =
                new Binder(new MapConfigurationPropertySource(properties == null ? new Properties() : properties));
        return binder.bind("rules", Bindable.listOf(RuleDefinition.class)).orElse(List.of());
    }
}
