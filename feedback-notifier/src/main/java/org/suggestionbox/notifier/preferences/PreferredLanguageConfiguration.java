package org.suggestionbox.notifier.preferences;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.notifier.message.DirectoryRecipients;
import org.suggestionbox.notifier.message.PreferredLocaleRecipients;
import org.suggestionbox.notifier.message.Recipients;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.directory.Directory;

/** Messages reach the directory's people in the language they chose on their preferences page. */
@Configuration(proxyBeanMethods = false)
class PreferredLanguageConfiguration {

    @Bean
    Recipients recipients(Directory directory, IdentitySealer identitySealer, PreferencesService preferences) {
        return new PreferredLocaleRecipients(
                new DirectoryRecipients(directory, identitySealer), preferences::chosenLocale);
    }
}
