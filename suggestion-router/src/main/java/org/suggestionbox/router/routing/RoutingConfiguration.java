package org.suggestionbox.router.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.config.RouterProperties;

/** Reads the routing rules file ({@code suggestionbox.router.rules-location}) at start-up. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    RoutingRules routingRules(ResourceLoader resourceLoader, RouterProperties properties, Directory directory) {
        List<RoutingRule> rules = load(resourceLoader.getResource(properties.rulesLocation()));
        LOG.info("Routing rules loaded from {}: {} rules, triage owner {}", properties.rulesLocation(), rules.size(),
                properties.triageOwner());
        return new RoutingRules(rules, properties.triageOwner(), id -> directory.find(id).map(Person::name));
    }

    /** Parses a rules file: {@code rules: [{id, category (one or a list), owner}]}. */
    static List<RoutingRule> load(Resource resource) {
        if (!resource.exists()) {
            throw new UncheckedIOException(new IOException("No routing rules at " + resource));
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(resource);
        Properties properties = yaml.getObject();
        Binder binder = new Binder(new MapConfigurationPropertySource(properties == null ? new Properties() : properties));
        return binder.bind("rules", Bindable.listOf(RuleDefinition.class)).orElse(List.of()).stream()
                .map(definition -> new RoutingRule(definition.id(), definition.category(), definition.owner()))
                .toList();
    }

    record RuleDefinition(String id, List<String> category, String owner) {
    }
}
