/** The owner queue and the employee timeline ("my ideas"): API and pages. */
@NullMarked
package org.suggestionbox.router.queue;

import org.jspecify.annotations.NullMarked;
