/**
 * Answer deadlines: the watchdog that reminds owners before the deadline and escalates after it,
 * once across all router instances.
 */
@NullMarked
package org.suggestionbox.router.deadline;

import org.jspecify.annotations.NullMarked;
