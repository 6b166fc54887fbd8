package org.suggestionbox.router.similar;

import java.util.UUID;

/**
 * An earlier idea whose text is close to the one looked at.
 *
 * @param score how close, relative to the idea matched against itself: 1 would be the same text
 */
public record SimilarIdea(UUID id, String title, double score) {}
