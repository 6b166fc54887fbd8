package org.suggestionbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A service's message bundle files as they are on the class path, to check that a language has every text of the
 * base bundle, so a page in Hebrew or Polish never falls back to an English sentence, and no text only in one
 * language (a renamed key left behind). A language may add the plural forms its numbers need ({@code .two} in
 * Hebrew, {@code .few} and {@code .many} in Polish) to a key the base bundle has in its {@code .other} form. And
 * that no Hebrew text lets a line end between a prefix and the word it joins.
 */
public final class MessageBundleFiles {

    private static final Set<String> PLURAL_CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");

    /** A Hebrew prefix letter joined by a hyphen to a word in Latin letters, a number or an argument ("ל-webhook"). */
    private static final Pattern LOOSE_HEBREW_PREFIX = Pattern.compile("\\p{InHebrew}-(?=[\\p{IsLatin}\\p{Nd}{])");

    private MessageBundleFiles() {}

    /** The base bundle's keys that the language's file lacks, e.g. {@code missing("i18n/messages", "he")}. */
    public static Set<String> missing(String baseName, String language) {
        Set<String> missing = keys(baseName + ".properties");
        missing.removeAll(keys(baseName + "_" + language + ".properties"));
        return missing;
    }

    /** The language's keys that the base bundle has not, other than a plural form of a key it has. */
    public static Set<String> unexpected(String baseName, String language) {
        Set<String> base = keys(baseName + ".properties");
        Set<String> unexpected = keys(baseName + "_" + language + ".properties");
        unexpected.removeAll(base);
        unexpected.removeIf(key -> isPluralFormOf(key, base));
        return unexpected;
    }

    /**
     * The language's keys whose text may end a line between a Hebrew prefix and its word: "ל-" at the end of one line,
     * "webhook" at the start of the next. The hyphen is to be followed by U+2060 WORD JOINER, which is invisible and
     * keeps the two on one line.
     */
    public static Set<String> loosePrefixes(String baseName, String language) {
        Properties texts = load(baseName + "_" + language + ".properties");
        Set<String> loose = new TreeSet<>();
        texts.forEach((key, text) -> {
            if (LOOSE_HEBREW_PREFIX.matcher((String) text).find()) {
                loose.add((String) key);
            }
        });
        return loose;
    }

    private static boolean isPluralFormOf(String key, Set<String> base) {
        int dot = key.lastIndexOf('.');
        return dot > 0
                && PLURAL_CATEGORIES.contains(key.substring(dot + 1))
                && base.contains(key.substring(0, dot) + ".other");
    }

    private static Set<String> keys(String path) {
        return new TreeSet<>(load(path).stringPropertyNames());
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + path + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
