/**
 * Who owns an idea: consumes submitted ideas and gives each an owner by the routing rules (or the
 * triage owner) with its answer deadline; routes again the undecided ideas whose owner left or is no
 * longer an owner.
 */
@NullMarked
package org.suggestionbox.router.assignment;

import org.jspecify.annotations.NullMarked;
