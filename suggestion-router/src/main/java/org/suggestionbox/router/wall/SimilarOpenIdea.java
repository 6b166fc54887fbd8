package org.suggestionbox.router.wall;

import java.util.UUID;
import org.suggestionbox.router.idea.IdeaState;

/** An open idea like the one being typed, for "support this one instead?". */
record SimilarOpenIdea(UUID id, String title, IdeaState state, int supportCount, String url) {}
