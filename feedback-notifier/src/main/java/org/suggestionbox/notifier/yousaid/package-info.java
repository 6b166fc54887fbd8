/**
 * The monthly "You said, we did" digest: the ideas implemented that month that colleagues may see, with
 * their impact, to every employee who did not opt out, by e-mail and by Slack or Teams where they chose
 * those. The list is kept from the lifecycle events the notifier consumes ({@code implemented_ideas},
 * titles and impacts only, never a name); each person gets a month's digest once per channel
 * ({@code you_said_we_did}, by opaque reference).
 */
@NullMarked
package org.suggestionbox.notifier.yousaid;

import org.jspecify.annotations.NullMarked;
