package org.suggestionbox.notifier.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.platform.web.PagerLinks;

/** The inbox page: newest first, unread ones marked, each can be marked as read. */
@Controller
class InboxPageController implements PageController {

    private final Inbox inbox;
    private final NotifierProperties properties;
    private final Texts texts;

    InboxPageController(Inbox inbox, NotifierProperties properties, Texts texts) {
        this.inbox = inbox;
        this.properties = properties;
        this.texts = texts;
    }

    /**
     * An entry with its time as the reader writes it, and the language and direction of its words, which are the
     * message's own: an English message in a Hebrew page runs left to right with its full stops at their ends.
     */
    record Row(
            InboxEntry entry,
            String received,
            List<String> paragraphs,
            @Nullable String lang,
            String dir) {

        static Row of(InboxEntry entry, String received) {
            String language = entry.language();
            return new Row(
                    entry,
                    received,
                    List.of(entry.body().split("\n\n")),
                    language,
                    language == null ? "auto" : DirectoryLocaleResolver.direction(Locale.forLanguageTag(language)));
        }
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user,
            Locale locale,
            HttpServletRequest request,
            Model model) {
        PageRequest page = PageRequest.of(limit, cursor);
        CursorPage<InboxEntry> entries = inbox.of(user.id(), page);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(properties.timeZone());
        model.addAttribute("pager", PagerLinks.of(request, page, entries));
        model.addAttribute(
                "rows",
                entries.items().stream()
                        .map(entry -> Row.of(entry, format.format(entry.createdAt())))
                        .toList());
        long unread = inbox.unread(user.id());
        model.addAttribute("unread", unread);
        model.addAttribute(
                "unreadText",
                unread == 0 ? texts.text("inbox.unread.none", locale) : texts.count("inbox.unread", locale, unread));
        return "inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable UUID id, @AuthenticationPrincipal DirectoryUser user) {
        try {
            inbox.markRead(user.id(), id);
        } catch (Inbox.InboxEntryNotFoundException ex) {
            // gone or not theirs: the page shows what there is
        }
        return "redirect:/inbox";
    }
}
