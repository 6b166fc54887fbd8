package org.suggestionbox.notifier.message;

import java.util.Locale;
import org.suggestionbox.platform.i18n.PluralRules;

/** The message catalogue: a text by key in a language, with its arguments filled in. */
@FunctionalInterface
public interface Texts {

    String text(String key, Locale locale, Object... args);

    /**
     * A text about a number of things, in the plural form the language needs for it: the key
     * {@code <key>.<category>} (e.g. {@code inbox.unread.few}, see {@link PluralRules}), with the
     * count as argument {0} and {@code more} as {1}, {2}...
     */
    default String count(String key, Locale locale, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return text(key + "." + PluralRules.select(locale, count).key(), locale, args);
    }
}
