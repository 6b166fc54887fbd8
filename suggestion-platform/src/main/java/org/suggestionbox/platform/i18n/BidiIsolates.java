package org.suggestionbox.platform.i18n;

import java.util.Locale;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;

/**
 * Keeps what a person typed or the directory holds in its own direction inside a sentence of a right-to-left
 * language. In Hebrew each message argument with a left-to-right letter (an English title, a name in Latin
 * letters, a routing rule such as {@code cx-owner}) is wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP
 * DIRECTIONAL ISOLATE (Unicode's bidirectional algorithm, UAX #9): without it an English explanation's full stop
 * moves to its start, and "cx-owner" broken at the end of a line reads "-cx". Left-to-right languages get their
 * arguments as they are. The notifier's messages and the router's pages both say their texts through it.
 */
public final class BidiIsolates {

    private static final char FIRST_STRONG_ISOLATE = '\u2068';

    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private BidiIsolates() {}

    /** The message arguments as a sentence in {@code locale} should take them. */
    public static Object[] arguments(Locale locale, Object[] arguments) {
        if (!DirectoryLocaleResolver.isRightToLeft(locale)) {
            return arguments;
        }
        Object[] isolated = arguments.clone();
        for (int i = 0; i < isolated.length; i++) {
            if (isolated[i] instanceof String text && text.codePoints().anyMatch(BidiIsolates::isLeftToRight)) {
                isolated[i] = FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE;
            }
        }
        return isolated;
    }

    private static boolean isLeftToRight(int codePoint) {
        return Character.getDirectionality(codePoint) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
    }
}
