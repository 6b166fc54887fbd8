package org.suggestionbox.platform.markup;

/**
 * Makes text somebody typed (an idea's title, an owner's explanation) render as the same text in a
 * chat message, never as markup: no link, mention, bold or list that the author did not get from us.
 * Apply it to the user's text only, then put our own markup around it.
 */
public final class ChatMarkup {

    /** Characters CommonMark (and Teams' Markdown) may read as markup anywhere in a line. */
    private static final String MARKDOWN_INLINE = "\\`*_{}[]()<>#|~!";

    private ChatMarkup() {}

    /**
     * Slack mrkdwn: {@code &}, {@code <} and {@code >} become entities, as Slack asks, so
     * {@code <https://evil|click>} or {@code <!channel>} stays text. ({@code *bold*} inside the
     * text may still render bold; it cannot link or mention.)
     */
    public static String slack(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Teams Markdown (message text and Adaptive Card {@code TextBlock}s): every ASCII character that
     * can start markup gets a backslash, as CommonMark allows before any ASCII punctuation, so
     * {@code **bold**}, {@code [x](javascript:…)} and {@code <b>} render as typed; so do a line's
     * leading {@code -}, {@code +}, {@code =} and the full stop of {@code 1.}, which would start a
     * list or a heading.
     */
    public static String teams(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        boolean digitsAtLineStart = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN_INLINE.indexOf(c) >= 0
                    || (lineStart && (c == '-' || c == '+' || c == '='))
                    || (digitsAtLineStart && (c == '.' || c == ')'))) {
                escaped.append('\\');
            }
            escaped.append(c);
            if (c == '\n' || c == '\r') {
                lineStart = true;
                digitsAtLineStart = false;
            } else if (c == ' ' || c == '\t') {
                digitsAtLineStart = false;
                // blanks before a list marker still count as the start of the line
            } else {
                digitsAtLineStart = (lineStart || digitsAtLineStart) && c >= '0' && c <= '9';
                lineStart = false;
            }
        }
        return escaped.toString();
    }
}
