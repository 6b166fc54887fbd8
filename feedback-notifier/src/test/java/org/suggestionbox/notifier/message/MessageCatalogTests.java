package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.ProgressStatus;

/** Every text exists in every language, with the same arguments. */
class MessageCatalogTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"he", "pl"})
    void everyLanguageHasExactlyTheKeysOfTheBase(String language) throws IOException {
        Properties base = load("i18n/messages.properties");
        Properties translated = load("i18n/messages_" + language + ".properties");

        assertThat(new TreeSet<>(translated.stringPropertyNames()))
                .as("keys of messages_%s.properties", language)
                .isEqualTo(new TreeSet<>(base.stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"he", "pl"})
    void everyTranslationUsesTheArgumentsOfTheBase(String language) throws IOException {
        Properties base = load("i18n/messages.properties");
        Properties translated = load("i18n/messages_" + language + ".properties");

        TreeMap<String, Set<String>> expected = new TreeMap<>();
        TreeMap<String, Set<String>> actual = new TreeMap<>();
        for (String key : base.stringPropertyNames()) {
            expected.put(key, arguments(base.getProperty(key)));
            actual.put(key, arguments(translated.getProperty(key, "")));
        }
        assertThat(actual).as("arguments per key in messages_%s.properties", language).isEqualTo(expected);
    }

    @Test
    void everyReasonAndStatusHasItsTexts() throws IOException {
        Properties base = load("i18n/messages.properties");

        Stream.of(DeclineReason.values())
                .forEach(reason -> assertThat(base).containsKey("reason." + reason.name()));
        Stream.of(ProgressStatus.values()).forEach(status -> assertThat(base)
                .containsKeys("msg.status." + status.name() + ".title", "msg.status." + status.name() + ".body",
                        "msg.status." + status.name() + ".note"));
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
