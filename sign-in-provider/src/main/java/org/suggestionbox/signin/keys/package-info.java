/**
 * The provider's signing key: generated at start or kept in a file across restarts.
 */
@NullMarked
package org.suggestionbox.signin.keys;

import org.jspecify.annotations.NullMarked;
