package org.suggestionbox.platform.outbound;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The destination policy and its client; plain {@code http} only under the {@code local} profile unless
 * {@code suggestionbox.outbound.allow-http} says otherwise.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboundPolicyProperties.class)
public class OutboundAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    @ConditionalOnMissingBean
    OutboundPolicy outboundPolicy(OutboundPolicyProperties properties, HostResolver resolver, Environment environment) {
        boolean httpAllowed =
                properties.allowHttp() != null ? properties.allowHttp() : environment.matchesProfiles("local");
        return new OutboundPolicy(properties, httpAllowed, resolver);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboundClient outboundClient(OutboundPolicy policy, OutboundPolicyProperties properties) {
        return new OutboundClient(policy, properties);
    }
}
