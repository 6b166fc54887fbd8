package org.suggestionbox.platform.i18n;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * CLDR plural categories of numbers for the languages the services speak, so that counts and amounts read
 * right: Polish says "1 powiadomienie, 2 powiadomienia, 5 powiadomień, 22 powiadomienia", which
 * {@code ChoiceFormat}'s ranges cannot express. The notifier's messages count with it, the router's pages
 * give an implemented idea's benefit with it.
 * <ul>
 * <li>English: one = 1; other.</li>
 * <li>Hebrew (CLDR 42 and later): one = 1; two = 2; other.</li>
 * <li>Polish: one = 1; few = n % 10 in 2..4 and n % 100 not in 12..14; many = every other whole
 * number; other = fractions only (still a category, so the texts have it).</li>
 * </ul>
 * A few lines instead of ICU4J ({@code com.ibm.icu:icu4j}, about 14 MB) for three languages and
 * whole numbers; a fourth language adds its rule here and its forms in the texts
 * (the services' catalogue tests ask for exactly the categories listed by {@link #categories}).
 */
public final class PluralRules {

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

    /** The category of an amount in a language: a fraction ({@code 12.5}) takes {@code other}, as CLDR says. */
    public static Category select(Locale locale, BigDecimal amount) {
        BigDecimal stripped = amount.abs().stripTrailingZeros();
        if (stripped.scale() > 0) {
            return Category.OTHER;
        }
        // more than a long can hold reads as "many" anyway
        long whole = stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : stripped.longValue();
        return select(locale, whole);
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
