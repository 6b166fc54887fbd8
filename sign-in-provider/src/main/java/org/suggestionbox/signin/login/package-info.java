/**
 * The provider's own sign-in page, localized (English, Hebrew, Polish).
 */
@NullMarked
package org.suggestionbox.signin.login;

import org.jspecify.annotations.NullMarked;
