package org.suggestionbox.router.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PageErrorViews;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.decision.ImpactRequest;
import org.suggestionbox.router.decision.MergeRequest;
import org.suggestionbox.router.decision.ReassignRequest;
import org.suggestionbox.router.decision.StatusRequest;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.ImpactDraft;
import org.suggestionbox.router.idea.ImpactRules;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.lifecycle.IdeaNotFoundException;

/** The idea page: details, history, and for its owner the decision and progress forms. */
@Controller
class IdeaPageController implements PageController {

    private static final String TOO_LONG = "text.error.tooLong";
    /** The merge picker's search words: enough for a title. */
    static final int MERGE_QUERY_LIMIT = 200;

    private final DecisionService decisions;
    private final IdeaViews views;
    private final PageErrorViews errorPages;

    IdeaPageController(DecisionService decisions, IdeaViews views, PageErrorViews errorPages) {
        this.decisions = decisions;
        this.views = views;
        this.errorPages = errorPages;
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

    /**
     * A form's address asked for with GET — the language switch of a page a refused form drew, an address copied from
     * the bar — is the idea's page (in the language asked for, which the locale interceptor has already taken).
     */
    @GetMapping({
        "/ideas/{id}/decision",
        "/ideas/{id}/status",
        "/ideas/{id}/impact",
        "/ideas/{id}/review",
        "/ideas/{id}/reassign",
        "/ideas/{id}/merge"
    })
    String formAddress(@PathVariable IdeaId id) {
        return "redirect:/ideas/" + id;
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
            @RequestParam(required = false) String impactSummary,
            @RequestParam(required = false) String impactAmount,
            @RequestParam(required = false) String impactUnit,
            @RequestParam(required = false) String thankYouNote,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        ImpactDraft impact =
                status == ProgressStatus.IMPLEMENTED ? new ImpactDraft(impactSummary, impactAmount, impactUnit) : null;
        try {
            decisions.changeStatus(
                    id,
                    new StatusRequest(status, note, impact, status == ProgressStatus.IMPLEMENTED ? thankYouNote : null),
                    user.person());
            return "redirect:/ideas/" + id + "?updated";
        } catch (IdeaActionRefused ex) {
            if (ex.reason() == IdeaActionRefused.Reason.INCOMPLETE) {
                model.addAttribute("statusError", "status.error.summary");
                model.addAttribute("statusErrors", impactErrorKeys(ex.violations(), "status.error.note"));
            } else {
                model.addAttribute("statusError", "decision.error.conflict");
            }
        } catch (OptimisticLockingFailureException ex) {
            model.addAttribute("statusError", "decision.error.conflict");
        }
        Map<String, @Nullable Object> typed = new LinkedHashMap<>();
        typed.put("status", status);
        typed.put("note", note);
        typed.put("impactSummary", impactSummary);
        typed.put("impactAmount", impactAmount);
        typed.put("impactUnit", impactUnit);
        typed.put("thankYouNote", thankYouNote);
        model.addAttribute("statusForm", typed);
        return show(decisions.read(id, user.person()), user, new DecisionForm(), Map.of(), null, model);
    }

    /** The owner (or a leader) records the measured benefit of an implemented idea. */
    @PostMapping("/ideas/{id}/impact")
    String impact(
            @PathVariable IdeaId id,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String checkpointDays,
            @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        Integer checkpoint = parseDays(checkpointDays);
        try {
            decisions.recordImpact(id, new ImpactRequest(summary, amount, unit, checkpoint), user.person());
            return "redirect:/ideas/" + id + "?measured";
        } catch (IdeaActionRefused ex) {
            if (ex.reason() == IdeaActionRefused.Reason.INCOMPLETE) {
                model.addAttribute(
                        "impactError",
                        names(ex, "measurements") ? "impact.error.measurements" : "status.error.summary");
                model.addAttribute("impactErrors", impactErrorKeys(ex.violations(), "impact.error.checkpoint"));
            } else {
                model.addAttribute("impactError", "decision.error.conflict");
            }
        } catch (OptimisticLockingFailureException ex) {
            model.addAttribute("impactError", "decision.error.conflict");
        }
        Map<String, @Nullable Object> typed = new LinkedHashMap<>();
        typed.put("summary", summary);
        typed.put("amount", amount);
        typed.put("unit", unit);
        typed.put("checkpointDays", checkpoint);
        model.addAttribute("impactForm", typed);
        return show(decisions.read(id, user.person()), user, new DecisionForm(), Map.of(), null, model);
    }

    /** The chosen impact check; none for blank or anything but a small whole number. */
    private static @Nullable Integer parseDays(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 5) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The message key beside each refused field of the status or impact form. */
    private static Map<String, String> impactErrorKeys(List<Violation> violations, String otherwise) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation violation : violations) {
            String key = TextLimits.isTooLong(violation)
                    ? TOO_LONG
                    : switch (violation.field()) {
                        case "impact.summary" -> "impact.error.summary";
                        case "impact.amount" -> "impact.error.amount";
                        case "impact.unit" -> "impact.error.unit";
                        default -> otherwise;
                    };
            errors.putIfAbsent(violation.field(), key);
        }
        return errors;
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
                            ? names(ex, "reassignments") ? "reassign.error.limit" : errorKey(ex, "reassign.error")
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
                            ? names(ex, "submitters") ? "merge.error.submitters" : errorKey(ex, "merge.error")
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
    String notFound(Model model) {
        return errorPages.explain(model, HttpStatus.NOT_FOUND, "idea.notFound");
    }

    @ExceptionHandler(IdeaAccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        return errorPages.explain(model, HttpStatus.FORBIDDEN, "idea.forbidden");
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
        ImpactRules rules = decisions.impactRules();
        model.addAttribute("units", rules.units());
        model.addAttribute("checkpoints", rules.checkpointDays());
        model.addAttribute(
                "canMeasure",
                idea.state() == IdeaState.IMPLEMENTED && DecisionService.mayRecordImpact(idea, user.person()));
        if (!model.containsAttribute("statusErrors")) {
            model.addAttribute("statusErrors", Map.of());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", Map.of());
        }
        if (!model.containsAttribute("impactErrors")) {
            model.addAttribute("impactErrors", Map.of());
        }
        if (!model.containsAttribute("impactForm")) {
            model.addAttribute("impactForm", Map.of());
        }
        model.addAttribute("canReview", owner && idea.state() == IdeaState.ASSIGNED);
        model.addAttribute("canAgreeToBeNamed", idea.mayAgreeToBeNamed(user.id()));
        model.addAttribute("owners", owner && idea.state().isUndecided() ? decisions.otherOwners(idea) : List.of());
        boolean canMerge = owner && idea.state().isUndecided();
        model.addAttribute(
                "mergeCandidates",
                canMerge
                        ? views.mergeCandidates(idea, user.person(), (String) model.getAttribute("mergeQuery"))
                        : List.of());
        return "idea";
    }

    /** Whether the refusal names {@code field}: for the limits an idea keeps, the rule it met. */
    private static boolean names(IdeaActionRefused ex, String field) {
        return ex.violations().stream().anyMatch(violation -> field.equals(violation.field()));
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
