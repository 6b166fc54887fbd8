/** Consumes submitted ideas, routes them and stores them with their first lifecycle event. */
@NullMarked
package org.suggestionbox.router.intake;

import org.jspecify.annotations.NullMarked;
