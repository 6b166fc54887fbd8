package org.suggestionbox.localstack;

import static org.apache.logging.log4j.core.util.Transform.escapeHtmlTags;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.localstack.MailCapture.Mail;

/**
 * A small web page for people to read the mails the SMTP capture received: a list, newest first, and
 * each mail with its plain-text part and its HTML part (shown in a sandboxed frame). Text from a mail is
 * escaped for element content and double-quoted attributes with log4j's {@code Transform.escapeHtmlTags}
 * ({@code & < > " '}), which the launcher has on its classpath already for its logging.
 */
final class MailViewer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailViewer.class);

    /** Languages written right to left, for a mail's text part. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "yi");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final int port;

    private final Supplier<List<Mail>> mails;

    private @Nullable HttpServer server;

    private @Nullable ExecutorService executor;

    MailViewer(int port, Supplier<List<Mail>> mails) {
        this.port = port;
        this.mails = mails;
    }

    void start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
            http.createContext("/", this::handle);
            ExecutorService threads = Executors.newFixedThreadPool(
                    2, Thread.ofPlatform().daemon().name("mail-viewer-", 0).factory());
            http.setExecutor(threads);
            http.start();
            this.server = http;
            this.executor = threads;
        } catch (IOException ex) {
            throw new UncheckedIOException("Mail viewer could not listen on port " + this.port, ex);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<Mail> kept = this.mails.get();
            if (path.equals("/")) {
                respond(exchange, 200, listPage(kept));
            } else if (path.matches("/messages/\\d{1,18}")) {
                long number = Long.parseLong(path.substring("/messages/".length()));
                Optional<Mail> mail =
                        kept.stream().filter(each -> each.number() == number).findFirst();
                if (mail.isEmpty()) {
                    respond(
                            exchange,
                            404,
                            page("Not found", "<p>No such mail, or no longer kept. <a href=\"/\">All mails</a></p>"));
                } else {
                    respond(exchange, 200, messagePage(number, mail.get().message()));
                }
            } else {
                respond(exchange, 404, page("Not found", "<p><a href=\"/\">All mails</a></p>"));
            }
        } catch (RuntimeException | MessagingException ex) {
            LOG.warn("Mail viewer could not show {}", exchange.getRequestURI(), ex);
        }
    }

    static String listPage(List<Mail> kept) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (Mail mail : kept.reversed()) {
            MimeMessage message = mail.message();
            rows.append("<tr><td class=\"date\">")
                    .append(escapeHtmlTags(format(message.getSentDate())))
                    .append("</td><td>")
                    .append(escapeHtmlTags(addresses(message.getRecipients(Message.RecipientType.TO))))
                    .append("</td><td dir=\"auto\">")
                    .append("<a href=\"/messages/")
                    .append(mail.number())
                    .append("\">")
                    .append(escapeHtmlTags(orEmpty(message.getSubject())))
                    .append("</a></td></tr>\n");
        }
        String body = kept.isEmpty()
                ? "<p>No mail received yet. This page does not refresh by itself.</p>"
                : """
                        <table>
                        <thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead>
                        <tbody>
                        %s</tbody>
                        </table>""".formatted(rows);
        return page("Mail (" + kept.size() + ")", body);
    }

    static String messagePage(long number, MimeMessage message) throws MessagingException {
        String plain = null;
        String html = null;
        try {
            plain = findPart(message, "text/plain");
            html = findPart(message, "text/html");
        } catch (IOException ex) {
            plain = "(could not read the mail: " + ex.getMessage() + ")";
        }
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">&larr; All mails</a></p>\n<dl>")
                .append("<dt>From</dt><dd>")
                .append(escapeHtmlTags(addresses(message.getFrom())))
                .append("</dd>")
                .append("<dt>To</dt><dd>")
                .append(escapeHtmlTags(addresses(message.getRecipients(Message.RecipientType.TO))))
                .append("</dd>")
                .append("<dt>Date</dt><dd>")
                .append(escapeHtmlTags(format(message.getSentDate())))
                .append("</dd>")
                .append("<dt>Subject</dt><dd dir=\"auto\" id=\"subject\">")
                .append(escapeHtmlTags(orEmpty(message.getSubject())))
                .append("</dd></dl>\n");
        if (html != null) {
            body.append("<h2>HTML</h2>\n<iframe id=\"html-part\" sandbox=\"\" title=\"HTML part\" srcdoc=\"")
                    .append(escapeHtmlTags(html))
                    .append("\"></iframe>\n");
        }
        if (plain != null) {
            body.append("<h2>Text</h2>\n<pre id=\"text-part\" ")
                    .append(textLanguage(message))
                    .append(">")
                    .append(escapeHtmlTags(plain))
                    .append("</pre>\n");
        }
        return page(orEmpty(message.getSubject()) + " (#" + number + ")", body.toString());
    }

    /**
     * The text part's {@code lang} and {@code dir} from the mail's {@code Content-Language}, so that a Hebrew line
     * which starts with a name in Latin letters still reads right to left; {@code dir="auto"} for a mail without one.
     */
    private static String textLanguage(MimeMessage message) throws MessagingException {
        String[] languages = message.getHeader("Content-Language");
        if (languages == null || languages.length == 0 || languages[0].isBlank()) {
            return "dir=\"auto\"";
        }
        String language =
                Locale.forLanguageTag(languages[0].split(",")[0].strip()).getLanguage();
        return "lang=\"%s\" dir=\"%s\""
                .formatted(escapeHtmlTags(language), RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr");
    }

    private static @Nullable String findPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = findPart(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Suggestion Box local mail</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; overflow-wrap: anywhere; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { text-align: start; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
                td.date { white-space: nowrap; }
                dt { font-weight: bold; } dd { margin: 0 0 .5rem 0; }
                iframe { width: 100%%; height: 28rem; border: 1px solid #ccc; box-sizing: border-box; }
                pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
                /* a phone: each mail its date, address and subject on lines of their own, which need no heading */
                @media (max-width: 40rem) {
                  body { margin: 1rem; }
                  thead { display: none; }
                  tr, td { display: block; }
                  tr { padding: .5rem 0; border-bottom: 1px solid #ddd; }
                  td { border: none; padding: .1rem 0; }
                }
                </style>
                </head>
                <body>
                <h1 dir="auto">%s</h1>
                %s
                </body>
                </html>
                """.formatted(escapeHtmlTags(title), escapeHtmlTags(title), body);
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String addresses(Address @Nullable [] addresses) {
        if (addresses == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Address address : addresses) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(address.toString());
        }
        return text.toString();
    }

    private static String format(@Nullable Date date) {
        return date == null ? "" : DATE.format(date.toInstant());
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    String url() {
        return "http://localhost:" + this.port;
    }

    @Override
    public void close() {
        HttpServer http = this.server;
        this.server = null;
        if (http != null) {
            http.stop(0);
        }
        ExecutorService threads = this.executor;
        this.executor = null;
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
