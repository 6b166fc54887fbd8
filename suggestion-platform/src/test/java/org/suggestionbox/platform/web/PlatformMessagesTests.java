package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformMessagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"en", "he", "pl"})
    void everyLocaleHasEveryKeyOfTheBaseBundle(String locale) throws IOException {
        Properties base = load("i18n/platform.properties");
        Properties localized = load("i18n/platform_" + locale + ".properties");

        assertThat(localized.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
        localized
                .stringPropertyNames()
                .forEach(key -> assertThat(localized.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PlatformMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
