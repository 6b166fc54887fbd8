/**
 * The Slack door: {@code POST /slack/events} verifies Slack's request signature, then hands the
 * request to a Bolt {@code App} for the {@code /idea} slash command, the "Send as idea" message
 * shortcut and the modal it opens.
 */
@NullMarked
package org.suggestionbox.intake.slack;

import org.jspecify.annotations.NullMarked;
