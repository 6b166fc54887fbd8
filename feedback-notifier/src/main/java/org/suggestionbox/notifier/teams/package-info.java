/** Microsoft Teams: an Adaptive Card posted to an incoming-webhook or Workflows URL. */
@NullMarked
package org.suggestionbox.notifier.teams;

import org.jspecify.annotations.NullMarked;
