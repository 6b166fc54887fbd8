package org.suggestionbox.intake.teams;

import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The text of a Teams message as the person meant it: without the {@code <at>…</at>} mention that
 * addressed the webhook, HTML turned into plain text (line breaks and block ends become single line
 * breaks, other tags are dropped, entities decoded).
 * <p>
 * One pass over the text, no regular expressions: the text comes from whoever can post in the
 * channel, and a backtracking pattern over a megabyte of {@code <at><at><at>…} took quadratic time.
 * Every search ahead (the next {@code >}, the next {@code </at>}) remembers where it found its
 * match, or that there is none, so no character is scanned more than a fixed number of times.
 */
final class TeamsText {

    private static final int NONE = Integer.MAX_VALUE;
    /** The longest entity looked for, {@code &#x10FFFF;}. */
    private static final int MAX_ENTITY = 10;

    private final String html;
    private final StringBuilder out;
    /** Where the next {@code >} at or after the search position is; NONE when there is none; -1 unknown. */
    private int nextTagEnd = -1;

    private int nextMentionEnd = -1;

    private TeamsText(String html) {
        this.html = html;
        this.out = new StringBuilder(Math.min(html.length(), 64 * 1024));
    }

    static String plain(@Nullable String html) {
        if (html == null) {
            return "";
        }
        String text = new TeamsText(html).scan();
        return text.lines()
                .map(TeamsText::collapseBlanks)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private String scan() {
        int i = 0;
        int length = html.length();
        while (i < length) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(i);
            } else if (c == '&') {
                i = entity(i);
            } else {
                out.append(c == '\u00A0' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    /** At a {@code <}: drops a mention with its content or a tag; a {@code <} that opens no tag is text. */
    private int tag(int start) {
        int end = tagEnd(start + 1);
        if (end == NONE) {
            out.append('<');
            return start + 1;
        }
        boolean closing = start + 1 < end && html.charAt(start + 1) == '/';
        String name = name(closing ? start + 2 : start + 1, end);
        if (!closing && name.equals("at")) {
            int mentionEnd = mentionEnd(end + 1);
            if (mentionEnd != NONE) {
                return mentionEnd;
            }
        }
        switch (name) {
            case "br", "p", "div", "li", "ul", "ol" -> out.append('\n');
            default -> {
                // any other tag is dropped
            }
        }
        return end + 1;
    }

    /** The tag's name in lower case: the letters and digits after {@code <} or {@code </}. */
    private String name(int from, int end) {
        int i = from;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private int tagEnd(int from) {
        if (nextTagEnd == -1 || (nextTagEnd != NONE && nextTagEnd < from)) {
            int found = html.indexOf('>', from);
            nextTagEnd = found < 0 ? NONE : found;
        }
        return nextTagEnd;
    }

    /** The index just after the next {@code </at>} (any case) at or after {@code from}, or NONE. */
    private int mentionEnd(int from) {
        if (nextMentionEnd == -1 || (nextMentionEnd != NONE && nextMentionEnd - 5 < from)) {
            nextMentionEnd = NONE;
            for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
                if (html.regionMatches(true, i, "</at>", 0, 5)) {
                    nextMentionEnd = i + 5;
                    break;
                }
            }
        }
        return nextMentionEnd;
    }

    /** At a {@code &}: decodes a known entity (at most {@value #MAX_ENTITY} characters), else keeps the {@code &}. */
    private int entity(int start) {
        int limit = Math.min(html.length(), start + MAX_ENTITY + 1);
        int semicolon = -1;
        for (int i = start + 1; i < limit; i++) {
            if (html.charAt(i) == ';') {
                semicolon = i;
                break;
            }
        }
        if (semicolon < 0) {
            out.append('&');
            return start + 1;
        }
        String name = html.substring(start + 1, semicolon);
        switch (name) {
            case "nbsp" -> out.append(' ');
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "quot" -> out.append('"');
            case "apos" -> out.append('\'');
            case "amp" -> out.append('&');
            default -> {
                if (!name.startsWith("#")) {
                    out.append('&');
                    return start + 1;
                }
                int codePoint = codePoint(name.substring(1));
                if (codePoint == Integer.MIN_VALUE) {
                    out.append('&');
                    return start + 1;
                }
                if (Character.isValidCodePoint(codePoint)) {
                    out.appendCodePoint(codePoint == '\u00A0' ? ' ' : codePoint);
                }
            }
        }
        return semicolon + 1;
    }

    /** The number of {@code 123} or {@code x1F331}; MIN_VALUE when it is not one; -1 when too large. */
    private static int codePoint(String number) {
        boolean hex = number.startsWith("x") || number.startsWith("X");
        String digits = hex ? number.substring(1) : number;
        if (digits.isEmpty()) {
            return Integer.MIN_VALUE;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), hex ? 16 : 10) < 0) {
                return Integer.MIN_VALUE;
            }
        }
        try {
            return Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** Runs of spaces and tabs become one space; the line is stripped. */
    private static String collapseBlanks(String line) {
        StringBuilder collapsed = new StringBuilder(line.length());
        boolean blank = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                blank = true;
            } else {
                if (blank && !collapsed.isEmpty()) {
                    collapsed.append(' ');
                }
                blank = false;
                collapsed.append(c);
            }
        }
        return collapsed.toString().strip();
    }
}
