package org.suggestionbox.intake.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    /** Slack's HTTP clients (Web API, response URLs), with the Web API at the configured base URL. */
    @Bean(destroyMethod = "close")
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiBaseUrl());
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }
}
