package org.suggestionbox.intake.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntakeProperties.class, AnonymityRules.class})
@EnableScheduling
class IntakeConfiguration {

    /**
     * Failed sends are logged without the record: an idea's text is the submitter's, and the
     * record's key and value have no place in operators' logs. (Boot's default listener logs them.)
     */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
