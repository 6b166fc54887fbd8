package org.suggestionbox.notifier.email;

import java.util.List;

/**
 * What the HTML part of a message's e-mail shows ({@code src/main/jte/mail/notification.jte}), every text already
 * in the recipient's language; the template escapes each value for where it stands.
 *
 * @param lang the language tag of {@code <html lang>}
 * @param dir {@code rtl} or {@code ltr}
 * @param paragraphs the body, one entry per paragraph
 * @param linkText the words of the button that opens the idea
 */
public record NotificationMail(
        String lang,
        String dir,
        String title,
        String greeting,
        List<String> paragraphs,
        String link,
        String linkText,
        String footer) {}
