package org.suggestionbox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A test a service's test class takes by implementing it: each language it translates into has every text of its
 * base bundle ({@code i18n/messages}) and none of its own, and no line ends between a Hebrew prefix and its word,
 * per {@link MessageBundleFiles}.
 */
public interface CompleteMessageBundles {

    /** The languages with a bundle file of their own, e.g. {@code he} and {@code pl}. */
    List<String> translatedLanguages();

    @TestFactory
    default Stream<DynamicTest> everyLanguageHasEveryTextAndNoneOfItsOwn() {
        return translatedLanguages().stream()
                .map(language -> DynamicTest.dynamicTest(language, () -> {
                    assertEquals(Set.of(), MessageBundleFiles.missing("i18n/messages", language), language + " lacks");
                    assertEquals(
                            Set.of(), MessageBundleFiles.unexpected("i18n/messages", language), language + " adds");
                }));
    }

    @TestFactory
    default Stream<DynamicTest> aHebrewPrefixKeepsToItsWord() {
        return translatedLanguages().stream()
                .map(language -> DynamicTest.dynamicTest(
                        language,
                        () -> assertEquals(
                                Set.of(),
                                MessageBundleFiles.loosePrefixes("i18n/messages", language),
                                language + " may end a line after a prefix's hyphen in")));
    }
}
