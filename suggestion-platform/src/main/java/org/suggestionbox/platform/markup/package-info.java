/**
 * Escaping people's text for the chat formats it is shown in: Slack's mrkdwn and the Markdown of
 * Microsoft Teams messages and Adaptive Card text blocks. One helper per format, used by every
 * service that puts user text into a chat message.
 */
@NullMarked
package org.suggestionbox.platform.markup;

import org.jspecify.annotations.NullMarked;
