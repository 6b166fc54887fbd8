package org.suggestionbox.intake.chat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.IdeaRules;

/** How a free-text chat message becomes an idea draft. Plain Java. */
final class ChatText {

    /** Where a sentence ends: a full stop, question or exclamation mark followed by white space or the end. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u3002\u05C3](?=\\s|$)");
    /** A leading category id, optionally followed by a colon or comma: {@code workplace: quieter rooms}. */
    private static final Pattern FIRST_WORD = Pattern.compile("^(\\S+?)[:,]?(?:\\s+|$)");
    /**
     * A leading choice of who may see the idea; unlike a category it needs its colon, so an idea that
     * merely starts with the word ("Private parking for…") is not made private by accident.
     */
    private static final Pattern VISIBILITY =
            Pattern.compile("^(company|named|private):(?:\\s+|$)", Pattern.CASE_INSENSITIVE);

    private ChatText() {}

    /**
     * The first line's first sentence (at most {@value IdeaRules#TITLE_MAX} characters) is the title,
     * the whole text the description. A text that starts with a known category id, followed by more
     * text, is filed under that category; otherwise the category is left to the rules' default. Before
     * or after the category, {@code company:}, {@code named:} or {@code private:} chooses who may see
     * the idea ({@link Visibility} COMPANY, COMPANY_NAMED, PRIVATE); without
     * it the rules' default applies.
     */
    public static IdeaDraft draft(@Nullable String text, List<String> categories, boolean anonymous) {
        String rest = text == null ? "" : text.strip();
        String category = null;
        String visibility = null;
        // at most one of each, in either order
        for (int word = 0; word < 2; word++) {
            Matcher chosen = VISIBILITY.matcher(rest);
            Matcher firstWord = FIRST_WORD.matcher(rest);
            if (visibility == null && chosen.find() && chosen.end() < rest.length()) {
                visibility = visibility(chosen.group(1));
                rest = rest.substring(chosen.end()).strip();
            } else if (category == null
                    && firstWord.find()
                    && firstWord.end() < rest.length()
                    && categories.contains(firstWord.group(1).toLowerCase(Locale.ROOT))) {
                category = firstWord.group(1).toLowerCase(Locale.ROOT);
                rest = rest.substring(firstWord.end()).strip();
            } else {
                break;
            }
        }
        return new IdeaDraft(title(rest), rest, category, anonymous, null, visibility);
    }

    /** The keyword as the rules know it: a {@link Visibility} name. */
    private static String visibility(String keyword) {
        Visibility chosen = switch (keyword.toLowerCase(Locale.ROOT)) {
            case "named" -> Visibility.COMPANY_NAMED;
            case "private" -> Visibility.PRIVATE;
            default -> Visibility.COMPANY;
        };
        return chosen.name();
    }

    /** The first non-empty line's first sentence, without a closing full stop, shortened to fit a title. */
    static String title(String text) {
        String line = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        Matcher end = SENTENCE_END.matcher(line);
        if (end.find() && end.start() > 0) {
            line = line.charAt(end.start()) == '.' ? line.substring(0, end.start()) : line.substring(0, end.end());
        }
        line = line.strip();
        if (line.codePointCount(0, line.length()) <= IdeaRules.TITLE_MAX) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, IdeaRules.TITLE_MAX - 1));
        int space = cut.lastIndexOf(' ');
        if (space > IdeaRules.TITLE_MAX / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "\u2026";
    }
}
