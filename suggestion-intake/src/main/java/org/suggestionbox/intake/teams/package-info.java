/**
 * The Microsoft Teams door: an outgoing webhook at {@code POST /teams/messages}, verified with the
 * webhook's HMAC security token and de-duplicated on the activity id.
 */
@NullMarked
package org.suggestionbox.intake.teams;

import org.jspecify.annotations.NullMarked;
