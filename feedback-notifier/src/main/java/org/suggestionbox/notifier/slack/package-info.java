/** Slack direct messages through the Web API's {@code chat.postMessage}. */
@NullMarked
package org.suggestionbox.notifier.slack;

import org.jspecify.annotations.NullMarked;
