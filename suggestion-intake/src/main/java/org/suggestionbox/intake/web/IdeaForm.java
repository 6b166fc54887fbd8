package org.suggestionbox.intake.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Visibility;

/**
 * What the idea form posts. {@code submissionKey} is drawn when the form is first shown and kept
 * across re-renders, so a double click or a re-post records one idea, not two. Owners may tick
 * {@code onBehalfOfMeeting} and choose {@code coSubmitterIds}; without the tick the chosen people are
 * ignored. {@code visibility} is a {@link org.suggestionbox.events.Visibility} name, the default until
 * the person picks another.
 */
class IdeaForm {

    private @Nullable String title;
    private @Nullable String description;
    private @Nullable String category;
    private boolean anonymous;
    private @Nullable String visibility = Visibility.DEFAULT.name();
    private @Nullable String submissionKey;
    private boolean onBehalfOfMeeting;
    private List<String> coSubmitterIds = new ArrayList<>();

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable String getCategory() {
        return category;
    }

    public void setCategory(@Nullable String category) {
        this.category = category;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public @Nullable String getVisibility() {
        return visibility;
    }

    public void setVisibility(@Nullable String visibility) {
        this.visibility = visibility;
    }

    public @Nullable String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(@Nullable String submissionKey) {
        this.submissionKey = submissionKey;
    }

    public boolean isOnBehalfOfMeeting() {
        return onBehalfOfMeeting;
    }

    public void setOnBehalfOfMeeting(boolean onBehalfOfMeeting) {
        this.onBehalfOfMeeting = onBehalfOfMeeting;
    }

    public List<String> getCoSubmitterIds() {
        return coSubmitterIds;
    }

    public void setCoSubmitterIds(@Nullable List<String> coSubmitterIds) {
        this.coSubmitterIds = coSubmitterIds == null ? new ArrayList<>() : new ArrayList<>(coSubmitterIds);
    }
}
