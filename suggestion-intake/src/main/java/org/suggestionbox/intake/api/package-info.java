/**
 * The JSON API: {@code POST /api/ideas}, refusals as RFC 9457 problem details.
 */
@NullMarked
package org.suggestionbox.intake.api;

import org.jspecify.annotations.NullMarked;
