/**
 * What the issued tokens say: the person's claims and each token's audience.
 */
@NullMarked
package org.suggestionbox.signin.token;

import org.jspecify.annotations.NullMarked;
