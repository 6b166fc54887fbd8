package org.suggestionbox.notifier.message;

import java.util.Locale;

/** The message catalogue: a text by key in a language, with its arguments filled in. */
@FunctionalInterface
public interface Texts {

    String text(String key, Locale locale, Object... args);
}
