package org.suggestionbox.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The notifier: every lifecycle event becomes the right messages for the right people. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeedbackNotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackNotifierApplication.class, args);
    }
}
