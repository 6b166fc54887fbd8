/**
 * The daily digest for owners and managers who chose it: their messages wait in
 * {@code digest_items} (by opaque reference, already in their language) and go out once a day as one
 * e-mail per person ({@link org.suggestionbox.notifier.digest.DigestJob}).
 */
@NullMarked
package org.suggestionbox.notifier.digest;

import org.jspecify.annotations.NullMarked;
