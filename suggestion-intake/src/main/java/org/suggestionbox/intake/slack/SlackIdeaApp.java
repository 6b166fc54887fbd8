package org.suggestionbox.intake.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.chat.ChatIntake;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.platform.directory.Person;

/**
 * The Bolt {@link App} behind {@code /slack/events}: the {@code /idea} slash command, the
 * {@code send_as_idea} message shortcut and the {@code idea_modal} submission. It runs without
 * Bolt's default middleware: the controller has verified the signature already (with an injected
 * clock), and this single-workspace app needs no {@code auth.test} round trip per request.
 * <p>
 * Idempotency keys come from the Slack request itself, so Slack's retries ({@code X-Slack-Retry-Num},
 * sent when an answer took over 3 s) return the same idea and publish nothing new: the command's
 * {@code trigger_id}, the modal's view id.
 */
@Component
class SlackIdeaApp implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SlackIdeaApp.class);
    static final String COMMAND = "/idea";
    static final String SHORTCUT = "send_as_idea";
    private static final String EPHEMERAL = "ephemeral";
    private static final String USAGE = "chat.usage.slack";

    private final App app;
    private final SlackRequestParser parser;
    private final Slack slack;
    private final ChatIntake chat;
    private final SlackUsers users;
    private final ExecutorService work;
    private final SlackProperties properties;
    private final SlackResponses responses;

    SlackIdeaApp(Slack slack, ChatIntake chat, SlackUsers users, SlackProperties properties, SlackResponses responses) {
        this.slack = slack;
        this.responses = responses;
        this.chat = chat;
        this.users = users;
        // what must not hold up Slack's 3-second answer: opening modals, slow submissions
        this.work = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("slack-", 0).factory());
        this.properties = properties;
        AppConfig config = AppConfig.builder()
                .signingSecret(properties.signingSecret())
                .singleTeamBotToken(properties.botToken())
                .slack(slack)
                .requestVerificationEnabled(false)
                .build();
        this.parser = new SlackRequestParser(config);
        this.app = new App(config, slack, List.of())
                .command(COMMAND, this::command)
                .messageShortcut(SHORTCUT, this::shortcut)
                .viewSubmission(IdeaModal.CALLBACK_ID, this::modalSubmitted);
    }

    @Override
    public void destroy() {
        work.shutdown();
    }

    Request<?> parse(SlackRequestParser.HttpRequest request) {
        return parser.parse(request);
    }

    Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    private Response command(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        Optional<Person> person = users.find(payload.getUserId());
        if (person.isEmpty()) {
            LOG.info("{} from a Slack user who is not in the directory; not recorded", COMMAND);
            return context.ack(r ->
                    r.responseType(EPHEMERAL).text(chat.unknownSubmitter(SubmissionChannel.SLACK, Locale.ENGLISH)));
        }
        Locale locale = person.get().preferredLocale();
        IdeaDraft draft = chat.draft(payload.getText(), false);
        String key = "slack-command:" + payload.getTeamId() + ":" + payload.getTriggerId();
        CompletableFuture<SubmissionResult> submission = CompletableFuture.supplyAsync(
                () -> chat.submit(person.get(), draft, SubmissionChannel.SLACK, key), work);
        try {
            SubmissionResult result = submission.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return context.ack(r -> r.responseType(EPHEMERAL).text(chat.reply(result, locale, USAGE)));
        } catch (TimeoutException ex) {
            // Slack gives up after 3 s: say we are on it, and send the outcome to the response URL
            String responseUrl = payload.getResponseUrl();
            submission.thenAccept(result -> respond(responseUrl, chat.reply(result, locale, USAGE)));
            return context.ack(r -> r.responseType(EPHEMERAL).text(chat.message("chat.pending", locale)));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException("The submission failed", ex.getCause());
        }
    }

    /** A late answer, through the outbound destination policy (only to Slack's hosts). */
    private void respond(@Nullable String responseUrl, String text) {
        try {
            responses.ephemeral(responseUrl, text);
        } catch (RuntimeException ex) {
            LOG.warn("Could not send a late {} answer to Slack's response URL: {}", COMMAND, ex.toString());
        }
    }

    private Response shortcut(MessageShortcutRequest request, MessageShortcutContext context) {
        MessageShortcutPayload payload = request.getPayload();
        String userId = payload.getUser() == null ? "" : payload.getUser().getId();
        Optional<Person> person = users.find(userId);
        if (person.isEmpty()) {
            LOG.info("Message shortcut from a Slack user who is not in the directory");
            String responseUrl = payload.getResponseUrl();
            work.execute(() -> respond(responseUrl, chat.unknownSubmitter(SubmissionChannel.SLACK, Locale.ENGLISH)));
            return context.ack();
        }
        String text = payload.getMessage() == null ? "" : payload.getMessage().getText();
        Locale locale = person.get().preferredLocale();
        View modal = IdeaModal.of(
                chat.draft(text, false), chat.categories(), (code, args) -> chat.message(code, locale, args));
        String triggerId = payload.getTriggerId();
        work.execute(() -> openModal(triggerId, modal));
        return context.ack();
    }

    private void openModal(String triggerId, View modal) {
        try {
            ViewsOpenResponse response = slack.methods(properties.botToken())
                    .viewsOpen(r -> r.triggerId(triggerId).view(modal));
            if (!response.isOk()) {
                LOG.warn("Slack refused to open the idea modal: {}", response.getError());
            }
        } catch (Exception ex) {
            LOG.warn("Could not open the idea modal: {}", ex.toString());
        }
    }

    private Response modalSubmitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String userId = payload.getUser() == null ? "" : payload.getUser().getId();
        Optional<Person> person = users.find(userId);
        if (person.isEmpty()) {
            return context.ackWithErrors(
                    Map.of(IdeaModal.DESCRIPTION, chat.unknownSubmitter(SubmissionChannel.SLACK, Locale.ENGLISH)));
        }
        Locale locale = person.get().preferredLocale();
        IdeaDraft draft = IdeaModal.read(payload.getView().getState());
        String team = payload.getTeam() == null ? null : payload.getTeam().getId();
        String key = "slack-view:" + team + ":" + payload.getView().getId();
        SubmissionResult result = chat.submit(person.get(), draft, SubmissionChannel.SLACK, key);
        return switch (result) {
            case SubmissionResult.Accepted accepted -> context.ack(r -> r.responseAction("clear"));
            case SubmissionResult.Invalid invalid -> {
                Map<String, String> errors = new LinkedHashMap<>();
                invalid.violations()
                        .forEach(violation -> errors.merge(
                                blockOf(violation.field()),
                                chat.message(violation, locale),
                                (first, second) -> first + " " + second));
                yield context.ackWithErrors(errors);
            }
            // the modal stays open with the person's text; the message says to try again
            default -> context.ackWithErrors(Map.of(IdeaModal.DESCRIPTION, chat.reply(result, locale, USAGE)));
        };
    }

    private static String blockOf(@Nullable String field) {
        String name = field == null ? "" : field;
        return switch (name) {
            case IdeaModal.TITLE, IdeaModal.CATEGORY, IdeaModal.VISIBILITY -> name;
            default -> IdeaModal.DESCRIPTION;
        };
    }
}
