package org.suggestionbox.router.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.router.decision.DecisionRequest;

/** The decision form on the idea page; keeps what the owner typed when it comes back with errors. */
public class DecisionForm {

    private @Nullable DecisionOutcome outcome;
    private @Nullable DeclineReason reasonCode;
    private @Nullable String explanation;
    private @Nullable String nextStep;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate expectedBy;

    public @Nullable DecisionOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(@Nullable DecisionOutcome outcome) {
        this.outcome = outcome;
    }

    public @Nullable DeclineReason getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(@Nullable DeclineReason reasonCode) {
        this.reasonCode = reasonCode;
    }

    public @Nullable String getExplanation() {
        return explanation;
    }

    public void setExplanation(@Nullable String explanation) {
        this.explanation = explanation;
    }

    public @Nullable String getNextStep() {
        return nextStep;
    }

    public void setNextStep(@Nullable String nextStep) {
        this.nextStep = nextStep;
    }

    public @Nullable LocalDate getExpectedBy() {
        return expectedBy;
    }

    public void setExpectedBy(@Nullable LocalDate expectedBy) {
        this.expectedBy = expectedBy;
    }

    DecisionRequest toRequest() {
        return new DecisionRequest(outcome, reasonCode, explanation, nextStep, expectedBy);
    }
}
