/**
 * Cross-cutting wiring: the security filter chains of the authorization server and of the sign-in page.
 */
@NullMarked
package org.suggestionbox.signin.config;

import org.jspecify.annotations.NullMarked;
