package org.suggestionbox.notifier.message;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The notifier's own message bundles as {@link Texts}, read as the service reads them, for tests without a context. */
final class BundleTexts {

    private BundleTexts() {}

    static Texts texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return (key, locale, args) -> source.getMessage(key, args, locale);
    }
}
