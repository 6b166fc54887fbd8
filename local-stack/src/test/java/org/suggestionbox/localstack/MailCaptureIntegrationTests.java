package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suggestionbox.localstack.MailCapture.Mail;

/** The SMTP capture and mail viewer over real SMTP and HTTP, across a restart from the same data directory. */
class MailCaptureIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void mailSentBeforeARestartIsStillShownAfterIt() throws Exception {
        Ports ports = Ports.random();
        try (LocalStack stack = smtpOnly(ports).build().start()) {
            send(stack, "noa@suggestionbox.example", "הרעיון שלך התקבל", "תודה! The owner will answer by Friday.");
            assertThat(stack.receivedMail().orElseThrow()).hasSize(1);
            assertThat(get(stack.mailViewerUrl().orElseThrow() + "/"))
                    .contains("הרעיון שלך התקבל")
                    .contains("noa@suggestionbox.example");
        }

        try (LocalStack stack = smtpOnly(ports).build().start()) {
            send(stack, "alice@suggestionbox.example", "Your idea was declined", "Reason: not feasible");
            String list = get(stack.mailViewerUrl().orElseThrow() + "/");

            assertThat(list.indexOf("Your idea was declined"))
                    .isPositive()
                    .isLessThan(list.indexOf("הרעיון שלך התקבל"));
            assertThat(get(stack.mailViewerUrl().orElseThrow() + "/messages/0"))
                    .contains("תודה! The owner will answer by Friday.");
            assertThat(stack.receivedMail().orElseThrow()).hasSize(1);
        }
    }

    @Test
    void eachRecipientGetsTheMailAsItWasSent() throws Exception {
        try (LocalStack stack = smtpOnly(Ports.random()).build().start()) {
            send(stack, "noa@suggestionbox.example, alice@suggestionbox.example", "הרעיון שלך התקבל", "תודה!");
            send(stack, "maya@suggestionbox.example", "Your idea was declined", "Reason: not feasible");

            List<MimeMessage> received = stack.receivedMail().orElseThrow();
            assertThat(received).hasSize(3);
            assertThat(received.get(0)).isSameAs(received.get(1));
            assertThat(received.get(0).getSubject()).isEqualTo("הרעיון שלך התקבל");
            assertThat(received.get(0).getContent()).isEqualTo("תודה!");
            assertThat(received.get(0).getAllRecipients())
                    .extracting(Object::toString)
                    .containsExactly("noa@suggestionbox.example", "alice@suggestionbox.example");
            assertThat(received.get(2).getSubject()).isEqualTo("Your idea was declined");
        }
    }

    @Test
    void keepsTheNewestMailAndForgetsTheRestAcrossRestarts() throws Exception {
        int port = Ports.random().smtp();
        Path mail = this.dataDir.resolve("mail");
        try (MailCapture capture = new MailCapture(port, mail, 3)) {
            capture.start();
            send(port, "Idea 1");
            send(port, "Idea 2");
        }
        try (MailCapture capture = new MailCapture(port, mail, 3)) {
            capture.start();
            send(port, "Idea 3");
            send(port, "Idea 4");

            assertThat(subjects(capture.kept())).containsExactly("Idea 2", "Idea 3", "Idea 4");
            assertThat(subjects(capture.received())).containsExactly("Idea 3", "Idea 4");
        }
        assertThat(fileNames(mail)).containsExactly("00000001.eml", "00000002.eml", "00000003.eml");

        try (MailCapture capture = new MailCapture(port, mail, 3)) {
            capture.start();
            assertThat(capture.kept()).extracting(Mail::number).containsExactly(1L, 2L, 3L);
            for (int idea = 5; idea <= 8; idea++) {
                send(port, "Idea " + idea);
            }

            assertThat(subjects(capture.kept())).containsExactly("Idea 6", "Idea 7", "Idea 8");
            assertThat(capture.kept()).extracting(Mail::number).containsExactly(5L, 6L, 7L);
            assertThat(subjects(capture.received())).containsExactly("Idea 6", "Idea 7", "Idea 8");
        }
        assertThat(fileNames(mail)).containsExactly("00000005.eml", "00000006.eml", "00000007.eml");
        try (MailCapture capture = new MailCapture(port, mail, 3)) {
            capture.start();
            assertThat(subjects(capture.kept())).containsExactly("Idea 6", "Idea 7", "Idea 8");
            assertThat(capture.kept()).extracting(Mail::number).containsExactly(5L, 6L, 7L);
        }
    }

    @Test
    void aLinkOfTheMailViewerOpensTheSameMailAfterOlderOnesWereForgotten() throws Exception {
        int port = Ports.random().smtp();
        int viewerPort = Ports.random().mailViewer();
        try (MailCapture capture = new MailCapture(port, this.dataDir.resolve("mail"), 2);
                MailViewer viewer = new MailViewer(viewerPort, capture::kept)) {
            capture.start();
            viewer.start();
            send(port, "Idea 1");
            send(port, "Idea 2");
            assertThat(get(viewer.url() + "/")).contains("href=\"/messages/1\">Idea 2");

            send(port, "Idea 3");

            assertThat(get(viewer.url() + "/messages/1")).contains("Idea 2");
            assertThat(get(viewer.url() + "/messages/2")).contains("Idea 3");
            assertThat(status(viewer.url() + "/messages/0")).isEqualTo(404);
        }
    }

    private static List<String> subjects(Collection<Mail> mails) throws MessagingException {
        return subjects(mails.stream().map(Mail::message).toList());
    }

    private static List<String> subjects(List<MimeMessage> messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private LocalStack.Builder smtpOnly(Ports ports) {
        return LocalStack.builder()
                .dataDir(this.dataDir)
                .ports(ports)
                .startKafka(false)
                .startMongo(false)
                .startServices(false);
    }

    private static void send(int port, String subject) throws Exception {
        send("127.0.0.1", port, "noa@suggestionbox.example", subject, "Thank you!");
    }

    private static void send(LocalStack stack, String to, String subject, String text) throws Exception {
        send(stack.smtpHost(), stack.smtpPort(), to, subject, text);
    }

    private static void send(String host, int port, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("suggestions@suggestionbox.example"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static int status(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            return response.body();
        }
    }
}
