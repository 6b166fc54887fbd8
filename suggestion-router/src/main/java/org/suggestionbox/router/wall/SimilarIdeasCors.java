package org.suggestionbox.router.wall;

import java.net.URI;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * Intake's form asks {@code GET /api/ideas/similar} from the browser, with the person's own router
 * session: only intake's configured origin ({@code suggestionbox.links.intake}) may, with credentials,
 * and only for this one endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SimilarIdeasCors implements WebMvcConfigurer {

    private final String intakeOrigin;

    SimilarIdeasCors(PlatformLinks links) {
        URI intake = URI.create(links.intake());
        this.intakeOrigin = intake.getScheme() + "://" + intake.getRawAuthority();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/ideas/similar")
                .allowedOrigins(intakeOrigin)
                .allowedMethods("GET")
                .allowCredentials(true)
                .maxAge(600);
    }
}
