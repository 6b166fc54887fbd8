/**
 * Anonymous but answerable: intake seals an anonymous submitter's contact, the notifier opens it.
 * Keys live only in those two services' configuration.
 */
@NullMarked
package org.suggestionbox.platform.anonymity;

import org.jspecify.annotations.NullMarked;
