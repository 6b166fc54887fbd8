/** One MongoDB document per idea, saved whole with optimistic locking. */
@NullMarked
package org.suggestionbox.router.storage;

import org.jspecify.annotations.NullMarked;
