/**
 * The leadership dashboard: roll-up counters kept up to date as ideas change (idempotent per event),
 * and the figures, API and page built from them.
 */
@NullMarked
package org.suggestionbox.router.dashboard;

import org.jspecify.annotations.NullMarked;
