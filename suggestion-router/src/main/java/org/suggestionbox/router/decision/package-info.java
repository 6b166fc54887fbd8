/**
 * The decision use cases: owners decide (explore or decline, always with a reason), start a review,
 * report progress, hand an idea on and merge duplicates. Thin application methods: they check who
 * asks and what only the directory or another idea can tell, then let the aggregate act through
 * {@link org.suggestionbox.router.lifecycle.Ideas}. The pages and the API that call them live in
 * {@code router.web}.
 */
@NullMarked
package org.suggestionbox.router.decision;

import org.jspecify.annotations.NullMarked;
