package org.suggestionbox.platform.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.platform.anonymity.AnonymityProperties;

/**
 * Checks a service's secrets: each required one is set, not blank and not a published value; each key of a
 * key ring too, and the ring holds its active key. Collects every problem instead of stopping at the first.
 *
 * @param required environment variable → the property it sets
 * @param optional secrets that may stay blank (blank turns a channel off), but never hold a published value
 * @param keyRings environment variable of a key ring ({@code ANONYMITY_KEYS}) → the ring's property prefix
 *        ({@code suggestionbox.anonymity}, read as {@link AnonymityProperties})
 * @param published the values published in the repository
 */
record SecretsCheck(
        Map<String, String> required,
        Map<String, String> optional,
        Map<String, String> keyRings,
        Set<String> published) {

    /**
     * @param properties property name → its resolved value, {@code null} when unset
     * @param rings prefix → the ring bound there
     */
    List<SecretProblem> problems(
            Function<String, @Nullable String> properties, Function<String, AnonymityProperties> rings) {
        List<SecretProblem> problems = new ArrayList<>();
        required.forEach((variable, property) -> {
            String value = properties.apply(property);
            if (value == null || value.isBlank()) {
                problems.add(new SecretProblem(variable, property, SecretProblem.NOT_SET));
            } else if (published.contains(value.strip())) {
                problems.add(new SecretProblem(variable, property, SecretProblem.PUBLISHED));
            }
        });
        optional.forEach((variable, property) -> {
            String value = properties.apply(property);
            if (value != null && published.contains(value.strip())) {
                problems.add(new SecretProblem(variable, property, SecretProblem.PUBLISHED));
            }
        });
        keyRings.forEach((variable, prefix) -> checkRing(variable, prefix, rings.apply(prefix), problems));
        return problems;
    }

    private void checkRing(String variable, String prefix, AnonymityProperties ring, List<SecretProblem> problems) {
        String property = prefix + ".key-ring";
        Map<String, String> keys;
        try {
            keys = ring.ring();
        } catch (IllegalArgumentException ex) {
            problems.add(new SecretProblem(variable, property, "is malformed: " + ex.getMessage()));
            return;
        }
        if (keys.isEmpty()) {
            problems.add(new SecretProblem(variable, property, SecretProblem.NOT_SET));
            return;
        }
        keys.forEach((id, key) -> {
            if (published.contains(key.strip())) {
                problems.add(new SecretProblem(
                        variable,
                        property,
                        "holds a key published in the Suggestion Box repository (key id '" + id + "')"));
            }
        });
        String activeKeyId = ring.activeKeyId();
        if (activeKeyId != null && !activeKeyId.isBlank() && !keys.containsKey(activeKeyId)) {
            problems.add(new SecretProblem(
                    variable,
                    property,
                    "has no key with the active key id '" + activeKeyId + "' (" + prefix + ".active-key-id)"));
        }
    }
}
