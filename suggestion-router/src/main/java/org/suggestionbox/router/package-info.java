/** The Suggestion Box router service. */
@NullMarked
package org.suggestionbox.router;

import org.jspecify.annotations.NullMarked;
