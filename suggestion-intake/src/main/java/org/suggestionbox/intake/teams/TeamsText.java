package org.suggestionbox.intake.teams;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The text of a Teams message as the person meant it: without the {@code <at>…</at>} mention that
 * addressed the webhook, HTML turned into plain text (line breaks and block ends become single line
 * breaks, other tags are dropped, entities decoded).
 */
final class TeamsText {

    private static final Pattern MENTION = Pattern.compile("<at[^>]*>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>|</?(?:p|div|li|ul|ol)(?:\\s[^>]*)?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    private TeamsText() {
    }

    static String plain(@Nullable String html) {
        if (html == null) {
            return "";
        }
        String text = MENTION.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text).replace('\u00A0', ' ');
        return text.lines()
                .map(line -> line.replaceAll("[ \\t]+", " ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private static String decodeEntities(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String number = numeric.group(1);
            int codePoint;
            try {
                codePoint = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            }
            catch (NumberFormatException ex) {
                codePoint = -1;
            }
            numeric.appendReplacement(decoded, Character.isValidCodePoint(codePoint)
                    ? Matcher.quoteReplacement(Character.toString(codePoint)) : "");
        }
        numeric.appendTail(decoded);
        return decoded.toString()
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
