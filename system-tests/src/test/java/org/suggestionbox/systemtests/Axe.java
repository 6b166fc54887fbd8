package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core's automated accessibility checks on the page in front of a browser: WCAG 2.1 A and AA, and axe's best
 * practices (one main landmark, a level-one heading, labelled controls, contrast, valid ARIA).
 */
final class Axe {

    private static final List<String> CHECKS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private Axe() {}

    /** What the page in front of {@code browser} violates, each as "{@code where}: rule (help) at elements". */
    static List<String> violations(Browser browser, String where) {
        Results results = new AxeBuilder().withTags(CHECKS).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe ran on %s", where).isFalse();
        return results.getViolations().stream()
                .map(rule -> describe(where, rule))
                .toList();
    }

    private static String describe(String where, Rule rule) {
        String elements = rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget()))
                .limit(3)
                .collect(Collectors.joining(", "));
        return "%s: %s (%s) at %s".formatted(where, rule.getId(), rule.getHelp(), elements);
    }
}
