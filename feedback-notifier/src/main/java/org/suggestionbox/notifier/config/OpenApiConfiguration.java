package org.suggestionbox.notifier.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the inbox, preferences and proof-of-answer APIs at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI notifierOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Suggestion Box notifier API")
                        .version("v1")
                        .description("The caller's in-app notifications: what happened to their ideas and why, "
                                + "newest first; unread count; mark as read. The caller's notification preferences "
                                + "(channels, own Teams and webhook URLs, language, digest). For leaders and "
                                + "administrators: decided ideas whose submitters were not delivered the answer."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
