package org.suggestionbox.notifier.config;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.message.DirectoryRecipients;
import org.suggestionbox.notifier.message.MessageComposer;
import org.suggestionbox.notifier.message.PreferredLocaleRecipients;
import org.suggestionbox.notifier.message.Recipients;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.web.PlatformLinks;

/** Wires the Spring-free message composition to the directory, the key ring and the message source. */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

    @Bean
    Texts texts(MessageSource messageSource) {
        return (key, locale, args) -> messageSource.getMessage(key, args, locale);
    }

    @Bean
    RecipientRefs recipientRefs(NotifierProperties properties) {
        return new RecipientRefs(properties.recipientRefKey());
    }

    /** The directory's people, in the language they chose on their preferences page. */
    @Bean
    Recipients recipients(Directory directory, IdentitySealer identitySealer, PreferencesService preferences) {
        return new PreferredLocaleRecipients(new DirectoryRecipients(directory, identitySealer),
                preferences::chosenLocale);
    }

    @Bean
    MessageComposer messageComposer(Recipients recipients, Texts texts, NotifierProperties properties,
            PlatformLinks links) {
        return new MessageComposer(recipients, texts, properties.timeZone(), links.router());
    }
}
