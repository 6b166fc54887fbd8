package org.suggestionbox.notifier.email;

import java.util.List;
import org.suggestionbox.notifier.digest.DigestItem;

/**
 * What the HTML part of a digest e-mail shows ({@code src/main/jte/mail/digest.jte}), every text already in the
 * recipient's language; the template escapes each value for where it stands.
 *
 * @param lang the language tag of {@code <html lang>}
 * @param dir {@code rtl} or {@code ltr}
 * @param openText the words of each item's link to its idea
 */
public record DigestMail(
        String lang,
        String dir,
        String subject,
        String greeting,
        String heading,
        List<DigestItem> items,
        String openText,
        String footer) {}
