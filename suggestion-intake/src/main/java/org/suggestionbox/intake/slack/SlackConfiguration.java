package org.suggestionbox.intake.slack;

import com.slack.api.Slack;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundPolicyProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    /**
     * Slack's Web API client at the configured base URL, held to the outbound destination policy
     * ({@link SlackWebApi}); response URLs are answered by {@link SlackResponses}.
     */
    @Bean(destroyMethod = "close")
    Slack slack(SlackProperties properties, OutboundPolicy policy, OutboundPolicyProperties outbound) {
        return SlackWebApi.connect(properties.apiBaseUrl(), policy, outbound);
    }
}
