package org.suggestionbox.notifier.config;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.notifier.message.ImpactWords;
import org.suggestionbox.notifier.message.MessageComposer;
import org.suggestionbox.notifier.message.Recipients;
import org.suggestionbox.notifier.message.Recognition;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.platform.i18n.BidiIsolates;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * Wires the Spring-free message composition to the message source and the settings. Who the recipients are
 * (the directory, in each person's chosen language) comes from the preferences feature.
 */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

    /**
     * The message catalogue. In a right-to-left language each text argument that holds left-to-right letters — an
     * English title, a person's name in Latin letters, an explanation someone typed in English — keeps its own
     * direction inside the sentence ({@link BidiIsolates}): in the mail, the inbox, Slack and Teams alike.
     */
    @Bean
    Texts texts(MessageSource messageSource) {
        return (key, locale, args) -> messageSource.getMessage(key, BidiIsolates.arguments(locale, args), locale);
    }

    @Bean
    MessageComposer messageComposer(
            Recipients recipients,
            Texts texts,
            NotifierProperties properties,
            PlatformLinks links,
            Recognition recognition) {
        return new MessageComposer(recipients, texts, properties.timeZone(), links.router(), recognition);
    }

    @Bean
    ImpactWords impactWords(Texts texts) {
        return new ImpactWords(texts);
    }
}
