package org.suggestionbox.router.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;
import org.suggestionbox.platform.web.Menu;
import org.suggestionbox.platform.web.PlatformLinks;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.decision.MergeRequest;
import org.suggestionbox.router.decision.ReassignRequest;
import org.suggestionbox.router.decision.StatusRequest;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.lifecycle.IdeaNotFoundException;

/** The idea page: details, history, and for its owner the decision and progress forms. */
@Controller
class IdeaPageController {

    private static final String TOO_LONG = "text.error.tooLong";
    /** The merge picker's search words: enough for a title. */
    static final int MERGE_QUERY_LIMIT = 200;

    private final DecisionService decisions;
    private final IdeaViews views;
    private final PlatformLinks links;
    private final String application;

    IdeaPageController(
            DecisionService decisions,
            IdeaViews views,
            PlatformLinks links,
            @Value("${spring.application.name}") String application) {
        this.decisions = decisions;
        this.views = views;
        this.links = links;
        this.application = application;
    }

    /**
     * The idea page; {@code mergeQuery} is what the owner typed in the merge picker's search box (a GET form,
     * so it works without JavaScript), cut to {@link #MERGE_QUERY_LIMIT} characters.
     */
    @GetMapping("/ideas/{id}")
    String idea(
            @PathVariable IdeaId id,
            @RequestParam(required = false) @Nullable String mergeQuery,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        Idea idea = decisions.read(id, user.person());
        String words = mergeQuery == null ? null : mergeQuery.strip();
        if (words != null && words.length() > MERGE_QUERY_LIMIT) {
            words = words.substring(0, MERGE_QUERY_LIMIT);
        }
        model.addAttribute("mergeQuery", words == null || words.isEmpty() ? null : words);
        return show(idea, user, new DecisionForm(), Map.of(), null, model);
    }

    @PostMapping("/ideas/{id}/decision")
    String decide(
            @PathVariable IdeaId id,
            @ModelAttribute("form") DecisionForm form,
            BindingResult binding,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        Idea idea = decisions.read(id, user.person());
        if (binding.hasErrors()) {
            Map<String, String> errors = new LinkedHashMap<>();
            binding.getFieldErrors().forEach(error -> errors.put(error.getField(), "decision.error.invalid"));
            return show(idea, user, form, errors, "decision.error.summary", model);
        }
        try {
            decisions.decide(id, form.toRequest(), user.person());
            return "redirect:/ideas/" + id + "?decided";
        } catch (IdeaActionRefused ex) {
            if (ex.reason() == IdeaActionRefused.Reason.INCOMPLETE) {
                return show(idea, user, form, errorKeys(ex.violations()), "decision.error.summary", model);
            }
            return show(decisions.read(id, user.person()), user, form, Map.of(), "decision.error.conflict", model);
        } catch (OptimisticLockingFailureException ex) {
            return show(decisions.read(id, user.person()), user, form, Map.of(), "decision.error.conflict", model);
        }
    }

    @PostMapping("/ideas/{id}/status")
    String status(
            @PathVariable IdeaId id,
            @RequestParam(required = false) ProgressStatus status,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        try {
            decisions.changeStatus(id, new StatusRequest(status, note), user.person());
            return "redirect:/ideas/" + id + "?updated";
        } catch (IdeaActionRefused ex) {
            model.addAttribute(
                    "statusError",
                    ex.reason() == IdeaActionRefused.Reason.INCOMPLETE
                            ? errorKey(ex, "status.error.note")
                            : "decision.error.conflict");
        } catch (OptimisticLockingFailureException ex) {
            model.addAttribute("statusError", "decision.error.conflict");
        }
        return show(decisions.read(id, user.person()), user, new DecisionForm(), Map.of(), null, model);
    }

    @PostMapping("/ideas/{id}/review")
    String review(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user, Model model) {
        try {
            decisions.startReview(id, user.person());
            return "redirect:/ideas/" + id;
        } catch (IdeaActionRefused | OptimisticLockingFailureException ex) {
            return show(
                    decisions.read(id, user.person()),
                    user,
                    new DecisionForm(),
                    Map.of(),
                    "decision.error.conflict",
                    model);
        }
    }

    @PostMapping("/ideas/{id}/reassign")
    String reassign(
            @PathVariable IdeaId id,
            @RequestParam(required = false) String ownerId,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        try {
            decisions.reassign(id, new ReassignRequest(ownerId, note), user.person());
            return "redirect:/queue?reassigned";
        } catch (IdeaActionRefused ex) {
            model.addAttribute(
                    "reassignError",
                    ex.reason() == IdeaActionRefused.Reason.INCOMPLETE
                            ? errorKey(ex, "reassign.error")
                            : "decision.error.conflict");
        } catch (OptimisticLockingFailureException ex) {
            model.addAttribute("reassignError", "decision.error.conflict");
        }
        return show(decisions.read(id, user.person()), user, new DecisionForm(), Map.of(), null, model);
    }

    @PostMapping("/ideas/{id}/merge")
    String merge(
            @PathVariable IdeaId id,
            @RequestParam(required = false) String originalId,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        try {
            decisions.merge(id, new MergeRequest(parseId(originalId), note), user.person());
            return "redirect:/ideas/" + id + "?merged";
        } catch (IdeaActionRefused ex) {
            model.addAttribute(
                    "mergeError",
                    ex.reason() == IdeaActionRefused.Reason.INCOMPLETE
                            ? errorKey(ex, "merge.error")
                            : "decision.error.conflict");
        } catch (OptimisticLockingFailureException ex) {
            model.addAttribute("mergeError", "decision.error.conflict");
        }
        return show(decisions.read(id, user.person()), user, new DecisionForm(), Map.of(), null, model);
    }

    private static java.util.@Nullable UUID parseId(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : java.util.UUID.fromString(text.strip());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    @ExceptionHandler(IdeaNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(@AuthenticationPrincipal DirectoryUser user, Model model) {
        return problem("idea.notFound", user, model);
    }

    @ExceptionHandler(IdeaAccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(@AuthenticationPrincipal DirectoryUser user, Model model) {
        return problem("idea.forbidden", user, model);
    }

    /** Exception handlers get no model from the layout advice, so the problem page gets it here. */
    private String problem(String messageKey, DirectoryUser user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("problem", messageKey);
        model.addAttribute("links", links);
        model.addAttribute("application", application);
        model.addAttribute("currentPerson", user.person());
        model.addAttribute("menu", Menu.of(user.person()));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", DirectoryLocaleResolver.isRightToLeft(locale) ? "rtl" : "ltr");
        return "problem";
    }

    private String show(
            Idea idea,
            DirectoryUser user,
            DecisionForm form,
            Map<String, String> errors,
            @Nullable String error,
            Model model) {
        model.addAttribute("idea", views.view(idea, user.person()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("reasons", DeclineReason.values());
        boolean owner = idea.isOwnedBy(user.id());
        model.addAttribute("canDecide", owner && idea.state().isUndecided());
        model.addAttribute(
                "canUpdate",
                owner
                        && switch (idea.state()) {
                            case EXPLORING, IN_PROGRESS -> true;
                            default -> false;
                        });
        model.addAttribute("statuses", List.of(ProgressStatus.values()));
        model.addAttribute("canReview", owner && idea.state() == IdeaState.ASSIGNED);
        model.addAttribute("owners", owner && idea.state().isUndecided() ? decisions.otherOwners(idea) : List.of());
        boolean canMerge = owner && idea.state().isUndecided();
        model.addAttribute(
                "mergeCandidates",
                canMerge
                        ? views.mergeCandidates(idea, user.person(), (String) model.getAttribute("mergeQuery"))
                        : List.of());
        return "idea";
    }

    /** The message key for a refused form: the too-long one when a text was too long, else {@code otherwise}. */
    private static String errorKey(IdeaActionRefused ex, String otherwise) {
        return ex.violations().stream().anyMatch(TextLimits::isTooLong) ? TOO_LONG : otherwise;
    }

    private static Map<String, String> errorKeys(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation violation : violations) {
            String key = TextLimits.isTooLong(violation)
                    ? TOO_LONG
                    : switch (violation.field()) {
                        case "reasonCode" -> "decision.error.reasonCode";
                        case "explanation" -> "decision.error.explanation";
                        case "nextStep" -> "decision.error.nextStep";
                        case "expectedBy" -> "decision.error.expectedBy";
                        default -> "decision.error.outcome";
                    };
            errors.putIfAbsent(violation.field(), key);
        }
        return errors;
    }
}
