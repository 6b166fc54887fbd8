package org.suggestionbox.intake.submission;

/** A draft that passed every rule: trimmed text and a known category. */
public record ValidIdea(String title, String description, String category, boolean anonymous) implements Validation {
}
