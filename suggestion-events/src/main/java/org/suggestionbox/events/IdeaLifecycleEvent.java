package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#IDEAS_LIFECYCLE}: what happened to an idea after it was submitted. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IdeaAssigned.class, name = "IdeaAssigned"),
    @JsonSubTypes.Type(value = IdeaReassigned.class, name = "IdeaReassigned"),
    @JsonSubTypes.Type(value = IdeaDecided.class, name = "IdeaDecided"),
    @JsonSubTypes.Type(value = IdeaStatusChanged.class, name = "IdeaStatusChanged"),
    @JsonSubTypes.Type(value = IdeaMergedAsDuplicate.class, name = "IdeaMergedAsDuplicate"),
    @JsonSubTypes.Type(value = AnswerReminderDue.class, name = "AnswerReminderDue"),
    @JsonSubTypes.Type(value = AnswerEscalated.class, name = "AnswerEscalated"),
    @JsonSubTypes.Type(value = ImpactCheckDue.class, name = "ImpactCheckDue"),
    @JsonSubTypes.Type(value = IdeaImpactMeasured.class, name = "IdeaImpactMeasured")
})
public sealed interface IdeaLifecycleEvent extends IdeaEvent
        permits IdeaAssigned,
                IdeaReassigned,
                IdeaDecided,
                IdeaStatusChanged,
                IdeaMergedAsDuplicate,
                AnswerReminderDue,
                AnswerEscalated,
                ImpactCheckDue,
                IdeaImpactMeasured {

    /** The idea's title, so a message can name it without asking the router. */
    String title();
}
