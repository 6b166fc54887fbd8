package org.suggestionbox.notifier.answer;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Leadership's check that nobody was left unanswered: normally an empty list. */
@RestController
class UnansweredApiController {

    private final AnswerReconciler reconciler;

    UnansweredApiController(AnswerReconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Decided ideas (id and decision time) whose submitters were not delivered the decision in time. */
    @GetMapping("/api/unanswered")
    @PreAuthorize("hasAnyRole('LEADER', 'ADMIN')")
    List<AnswerReconciler.Unanswered> unanswered() {
        return reconciler.unanswered();
    }
}
