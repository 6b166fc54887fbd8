/**
 * The idea wall: every idea a person may see, searchable and filtered, "You said, we did", saying
 * "me too", and the similar open ideas shown while someone types a new one.
 */
@NullMarked
package org.suggestionbox.router.wall;

import org.jspecify.annotations.NullMarked;
