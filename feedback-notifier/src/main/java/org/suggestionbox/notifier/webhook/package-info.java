/** The generic outbound webhook: JSON signed with HMAC-SHA256. */
@NullMarked
package org.suggestionbox.notifier.webhook;

import org.jspecify.annotations.NullMarked;
