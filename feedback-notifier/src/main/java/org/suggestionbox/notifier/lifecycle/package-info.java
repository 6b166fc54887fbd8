/** Consumes the ideas' lifecycle events and has them turned into delivered messages. */
@NullMarked
package org.suggestionbox.notifier.lifecycle;

import org.jspecify.annotations.NullMarked;
