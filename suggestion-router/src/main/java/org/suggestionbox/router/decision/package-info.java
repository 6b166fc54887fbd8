/** Owners decide (explore or decline, always with a reason) and report progress: API and pages. */
@NullMarked
package org.suggestionbox.router.decision;

import org.jspecify.annotations.NullMarked;
