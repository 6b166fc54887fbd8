/**
 * The feedback notifier: tells every submitter what happened to their idea and why, in their
 * language, on their channels, and proves it.
 */
@NullMarked
package org.suggestionbox.notifier;

import org.jspecify.annotations.NullMarked;
