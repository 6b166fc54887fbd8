/** The in-app inbox: a channel, its API and its page. */
@NullMarked
package org.suggestionbox.notifier.inbox;

import org.jspecify.annotations.NullMarked;
