package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.platform.i18n.PluralRules;

/**
 * Every text exists in every language, with the same arguments; a counted text ({@code <key>.one},
 * {@code .few}...) has exactly the plural forms its language needs ({@link PluralRules}).
 */
class MessageCatalogTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern PLURAL = Pattern.compile("(.+)\\.(one|two|few|many|other)");

    @ParameterizedTest
    @ValueSource(strings = {"he", "pl"})
    void everyLanguageHasExactlyTheKeysOfTheBase(String language) throws IOException {
        Properties base = load("i18n/messages.properties");
        Properties translated = load("i18n/messages_" + language + ".properties");

        assertThat(new TreeSet<>(plain(translated)))
                .as("keys of messages_%s.properties", language)
                .isEqualTo(new TreeSet<>(plain(base)));
        assertThat(pluralForms(translated).keySet())
                .as("counted texts of messages_%s.properties", language)
                .isEqualTo(pluralForms(base).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "he", "pl"})
    void everyCountedTextHasThePluralFormsOfItsLanguage(String language) throws IOException {
        Properties catalog =
                load("en".equals(language) ? "i18n/messages.properties" : "i18n/messages_" + language + ".properties");
        Set<String> needed = new TreeSet<>();
        PluralRules.categories(Locale.forLanguageTag(language)).forEach(category -> needed.add(category.key()));

        assertThat(pluralForms(catalog))
                .as("plural forms in %s", language)
                .isNotEmpty()
                .allSatisfy((key, forms) ->
                        assertThat(forms).as("forms of %s in %s", key, language).isEqualTo(needed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"he", "pl"})
    void everyTranslationUsesTheArgumentsOfTheBase(String language) throws IOException {
        Properties base = load("i18n/messages.properties");
        Properties translated = load("i18n/messages_" + language + ".properties");

        TreeMap<String, Set<String>> expected = new TreeMap<>();
        TreeMap<String, Set<String>> actual = new TreeMap<>();
        for (String key : plain(base)) {
            expected.put(key, arguments(base.getProperty(key)));
            actual.put(key, arguments(translated.getProperty(key, "")));
        }
        // a plural form may spell its count out ("one update"); all other arguments must be there
        for (String key : pluralForms(base).keySet()) {
            Set<String> wanted = arguments(base.getProperty(key + ".other"));
            wanted.add("0");
            for (String form : pluralForms(translated).getOrDefault(key, Set.of())) {
                Set<String> used = arguments(translated.getProperty(key + "." + form));
                used.add("0");
                expected.put(key + "." + form, wanted);
                actual.put(key + "." + form, used);
            }
        }
        assertThat(actual)
                .as("arguments per key in messages_%s.properties", language)
                .isEqualTo(expected);
    }

    @Test
    void everyReasonAndStatusHasItsTexts() throws IOException {
        Properties base = load("i18n/messages.properties");

        Stream.of(DeclineReason.values()).forEach(reason -> assertThat(base).containsKey("reason." + reason.name()));
        Stream.of(ProgressStatus.values())
                .forEach(status -> assertThat(base)
                        .containsKeys(
                                "msg.status." + status.name() + ".title",
                                "msg.status." + status.name() + ".body",
                                "msg.status." + status.name() + ".note"));
    }

    /** Keys of texts that are not counted. */
    private static Set<String> plain(Properties catalog) {
        return catalog.stringPropertyNames().stream()
                .filter(key -> !PLURAL.matcher(key).matches())
                .collect(Collectors.toSet());
    }

    /** Counted texts: key without the form → the plural forms present. */
    private static Map<String, Set<String>> pluralForms(Properties catalog) {
        Map<String, Set<String>> forms = new TreeMap<>();
        for (String key : catalog.stringPropertyNames()) {
            Matcher matcher = PLURAL.matcher(key);
            if (matcher.matches()) {
                forms.computeIfAbsent(matcher.group(1), stem -> new TreeSet<>()).add(matcher.group(2));
            }
        }
        return forms;
    }

    private static Set<String> arguments(String text) {
        Set<String> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            arguments.add(matcher.group(1));
        }
        return arguments;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageCatalogTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
