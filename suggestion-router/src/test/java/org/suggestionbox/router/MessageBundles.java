package org.suggestionbox.router;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The router's own message bundles, read as the service reads them, for tests of its texts without a context. */
public final class MessageBundles {

    private MessageBundles() {}

    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
