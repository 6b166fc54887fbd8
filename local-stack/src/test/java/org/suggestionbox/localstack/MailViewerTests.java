package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.suggestionbox.localstack.MailCapture.Mail;

class MailViewerTests {

    @Test
    void listsMailsNewestFirstLinkedByTheNumbersTheyKeep() throws Exception {
        String page = MailViewer.listPage(
                List.of(new Mail(1_000, mail("First", "one")), new Mail(1_001, mail("Second", "two"))));

        assertThat(page).contains("<meta charset=\"utf-8\">").contains("<title>Mail (2)");
        assertThat(page.indexOf("Second")).isLessThan(page.indexOf("First"));
        assertThat(page)
                .contains("href=\"/messages/1001\">Second")
                .contains("href=\"/messages/1000\">First")
                .contains("alice@suggestionbox.example");
    }

    @Test
    void aMailsDateStaysOnOneLineInTheList() throws Exception {
        String page = MailViewer.listPage(List.of(new Mail(1_000, mail("First", "one"))));

        // "2026-12-06 19:12:17" wrapped onto two lines beside a long address at 1280 px
        assertThat(page).containsPattern("<tr><td class=\"date\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</td>");
        assertThat(page).contains("td.date { white-space: nowrap; }");
    }

    @Test
    void showsBothPartsWithHebrewAndEscapesTheHtmlIntoTheFrame() throws Exception {
        MimeMessage message = mail("הרעיון שלך נבחן", "<p dir=\"rtl\">הוחלט: \"לא\" & סיבה</p>");

        String page = MailViewer.messagePage(0, message);

        assertThat(page).contains("הרעיון שלך נבחן");
        assertThat(page).contains("srcdoc=\"&lt;p dir=&quot;rtl&quot;&gt;הוחלט: &quot;לא&quot; &amp; סיבה&lt;/p&gt;\"");
        assertThat(page).contains("<pre id=\"text-part\" dir=\"auto\">plain: הוחלט</pre>");
        assertThat(page).doesNotContain("<p dir=\"rtl\">");
    }

    @Test
    void theTextPartTakesTheMailsLanguageAndItsDirection() throws Exception {
        MimeMessage hebrew = mail("הרעיון שלך נדחה", "<p>x</p>");
        hebrew.setHeader("Content-Language", "he");
        MimeMessage polish = mail("Twój pomysł", "<p>x</p>");
        polish.setHeader("Content-Language", "pl");

        // a line that starts with an isolated Latin name (U+2068 Maya Rosen U+2069 החליט/ה…) reads right to left all
        // the same
        assertThat(MailViewer.messagePage(0, hebrew)).contains("<pre id=\"text-part\" lang=\"he\" dir=\"rtl\">");
        assertThat(MailViewer.messagePage(1, polish)).contains("<pre id=\"text-part\" lang=\"pl\" dir=\"ltr\">");
    }

    @Test
    void escapesEverythingThatCouldBreakOutOfTheSubjectAndTheFrame() throws Exception {
        MimeMessage message = mail("<script>alert('x')</script> & \"q\"", "<b onclick='x()'>\"bold\"</b>");

        String page = MailViewer.messagePage(0, message);

        assertThat(page)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
                .contains("srcdoc=\"&lt;b onclick=&#39;x()&#39;&gt;&quot;bold&quot;&lt;/b&gt;\"")
                .doesNotContain("<script>")
                .doesNotContain("<b onclick");
    }

    private static MimeMessage mail(String subject, String html) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("suggestions@suggestionbox.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@suggestionbox.example"));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("plain: הוחלט", "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
