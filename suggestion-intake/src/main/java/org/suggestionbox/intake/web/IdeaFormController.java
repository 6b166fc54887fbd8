package org.suggestionbox.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.intake.submission.CoSubmitters;
import org.suggestionbox.intake.submission.FieldViolation;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.IdeaIntake;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.intake.submission.SubmitIdea;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.security.SecurityHeaders;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * The idea form: shown, posted (same rules as the API, errors inline, the person's text kept),
 * then Post/Redirect/Get to a confirmation page with the tracking link.
 * <p>
 * While the person types, the page's script asks the router for similar open ideas
 * ({@code GET {router}/ideas/similar}, the page-side twin of {@code /api/ideas/similar}) straight from the browser, with the person's own router
 * session: the draft goes to the router and nowhere else, never through intake. So the form page's
 * Content-Security-Policy lets scripts connect to the router's origin, and to no other.
 */
@Controller
class IdeaFormController implements PageController {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String FORM_VIEW = "ideas/new";

    private final IdeaIntake intake;
    private final IntakeProperties properties;
    private final Directory directory;
    private final String trackingBase;
    private final String similarIdeasUrl;
    private final String contentSecurityPolicy;

    /** A person an owner may name as co-submitter of a team meeting's idea. */
    record CoSubmitterChoice(String id, String name, String department) {}

    IdeaFormController(IdeaIntake intake, IntakeProperties properties, Directory directory, PlatformLinks links) {
        this.intake = intake;
        this.properties = properties;
        this.directory = directory;
        String router = links.router().replaceAll("/+$", "");
        this.trackingBase = router + "/ideas/";
        this.similarIdeasUrl = router + "/ideas/similar";
        this.contentSecurityPolicy = SecurityHeaders.contentSecurityPolicyConnectingTo(router);
    }

    @ModelAttribute("categories")
    List<String> categories() {
        return intake.categories();
    }

    /** Whether the signed-in person may submit on behalf of a team meeting (owners only). */
    @ModelAttribute("teamMeetingAllowed")
    boolean teamMeetingAllowed(@AuthenticationPrincipal @Nullable DirectoryUser user) {
        return user != null && user.person().hasRole(Role.OWNER);
    }

    @ModelAttribute("visibilities")
    List<Visibility> visibilities() {
        return List.of(Visibility.values());
    }

    /** Where the page's script looks up similar ideas (see the class comment). */
    @ModelAttribute("similarIdeasUrl")
    String similarIdeasUrl() {
        return similarIdeasUrl;
    }

    @ModelAttribute("coSubmittersMax")
    int coSubmittersMax() {
        return CoSubmitters.MAX;
    }

    /** Everyone an owner may choose as co-submitter: the directory without the owner, by name. */
    @ModelAttribute("coSubmitterChoices")
    List<CoSubmitterChoice> coSubmitterChoices(@AuthenticationPrincipal @Nullable DirectoryUser user, Locale locale) {
        if (user == null || !teamMeetingAllowed(user)) {
            return List.of();
        }
        Collator collator = Collator.getInstance(locale);
        return directory.all().stream()
                .filter(person -> !person.id().equals(user.id()))
                .sorted(Comparator.comparing(Person::name, collator).thenComparing(Person::id))
                .map(person -> new CoSubmitterChoice(person.id(), person.name(), person.department()))
                .toList();
    }

    @GetMapping("/")
    String home() {
        return "redirect:/ideas/new";
    }

    /** Where the language switcher lands after a re-rendered form (it GETs the current URL). */
    @GetMapping("/ideas")
    String ideas() {
        return "redirect:/ideas/new";
    }

    @GetMapping("/ideas/new")
    String form(Model model, HttpServletResponse response) {
        allowTheRouter(response);
        IdeaForm form = new IdeaForm();
        form.setCategory(properties.defaultCategory());
        form.setSubmissionKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return FORM_VIEW;
    }

    @PostMapping("/ideas")
    String submit(
            @ModelAttribute("form") IdeaForm form,
            BindingResult binding,
            @AuthenticationPrincipal DirectoryUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        allowTheRouter(response);
        // the tick says "from a team meeting"; people chosen without it are not taken
        IdeaDraft draft = new IdeaDraft(
                form.getTitle(),
                form.getDescription(),
                form.getCategory(),
                form.isAnonymous(),
                form.isOnBehalfOfMeeting() ? form.getCoSubmitterIds() : null,
                form.getVisibility());
        SubmissionResult result =
                intake.submit(new SubmitIdea(user.id(), draft, SubmissionChannel.WEB, submissionKey(form)));
        switch (result) {
            case SubmissionResult.Accepted accepted -> {
                redirect.addFlashAttribute("title", accepted.title());
                redirect.addFlashAttribute("anonymous", accepted.anonymous());
                // an anonymous idea's private link is shown this once, never put in a URL of intake's
                redirect.addFlashAttribute("trackingUrl", accepted.trackingUrl());
                return "redirect:/ideas/" + accepted.ideaId() + "/submitted";
            }
            case SubmissionResult.Invalid invalid -> {
                for (FieldViolation violation : invalid.violations()) {
                    binding.rejectValue(
                            violation.field(),
                            violation.code(),
                            violation.args().toArray(),
                            null);
                }
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            case SubmissionResult.KeyReused reused -> {
                form.setSubmissionKey(UUID.randomUUID().toString());
                model.addAttribute("notice", "idea.form.keyReused");
                response.setStatus(HttpStatus.CONFLICT.value());
            }
            case SubmissionResult.Throttled throttled ->
                refuse(
                        model,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "idea.form.throttled",
                        throttled.retryAfterSeconds());
            case SubmissionResult.Unavailable unavailable ->
                refuse(
                        model,
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "idea.form.unavailable",
                        unavailable.retryAfterSeconds());
        }
        return FORM_VIEW;
    }

    @GetMapping("/ideas/{id}/submitted")
    String submitted(@PathVariable UUID id, Model model) {
        model.addAttribute("ideaId", id);
        if (!model.containsAttribute("trackingUrl")) {
            model.addAttribute("trackingUrl", trackingBase + id);
        }
        return "ideas/submitted";
    }

    /** The form page's policy: every page's, plus the router's origin for the similar-ideas look-up. */
    private void allowTheRouter(HttpServletResponse response) {
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY_HEADER, contentSecurityPolicy);
    }

    private static void refuse(
            Model model, HttpServletResponse response, HttpStatus status, String message, long seconds) {
        model.addAttribute("notice", message);
        model.addAttribute("retryAfter", seconds);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static @Nullable String submissionKey(IdeaForm form) {
        String key = form.getSubmissionKey();
        return key != null && UUID_PATTERN.matcher(key).matches() ? "web:" + key : null;
    }
}
