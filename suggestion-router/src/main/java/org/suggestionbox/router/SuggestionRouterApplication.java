package org.suggestionbox.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The router: gives every idea an owner and makes sure the owner answers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SuggestionRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(SuggestionRouterApplication.class, args);
    }
}
