package org.suggestionbox.notifier.message;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * CLDR plural categories of whole numbers for the languages the notifier speaks, so that counts read
 * right: Polish says "1 powiadomienie, 2 powiadomienia, 5 powiadomień, 22 powiadomienia", which
 * {@code ChoiceFormat}'s ranges cannot express.
 * <ul>
 * <li>English: one = 1; other.</li>
 * <li>Hebrew (CLDR 42 and later): one = 1; two = 2; other.</li>
 * <li>Polish: one = 1; few = n % 10 in 2..4 and n % 100 not in 12..14; many = every other whole
 * number; other = fractions only (still a category, so the texts have it).</li>
 * </ul>
 * A few lines instead of ICU4J ({@code com.ibm.icu:icu4j}, about 14 MB) for three languages and
 * whole numbers; a fourth language adds its rule here and its forms in the texts
 * ({@code MessageCatalogTests} asks for exactly the categories listed by {@link #categories}).
 */
final class PluralRules {

    /** A CLDR plural category; its {@link #key()} ends the message key of its form. */
    public enum Category {
        ONE,
        TWO,
        FEW,
        MANY,
        OTHER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PluralRules() {}

    /** The category of a whole number in a language; unknown languages follow English. */
    public static Category select(Locale locale, long count) {
        long n = Math.abs(count);
        return switch (locale.getLanguage()) {
            case "pl" -> polish(n);
            case "he", "iw" -> n == 1 ? Category.ONE : n == 2 ? Category.TWO : Category.OTHER;
            default -> n == 1 ? Category.ONE : Category.OTHER;
        };
    }

    /** The categories a language's texts must provide (as CLDR lists them, fractions included). */
    public static Set<Category> categories(Locale locale) {
        return switch (locale.getLanguage()) {
            case "pl" -> EnumSet.of(Category.ONE, Category.FEW, Category.MANY, Category.OTHER);
            case "he", "iw" -> EnumSet.of(Category.ONE, Category.TWO, Category.OTHER);
            default -> EnumSet.of(Category.ONE, Category.OTHER);
        };
    }

    private static Category polish(long n) {
        if (n == 1) {
            return Category.ONE;
        }
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return Category.FEW;
        }
        return Category.MANY;
    }
}
