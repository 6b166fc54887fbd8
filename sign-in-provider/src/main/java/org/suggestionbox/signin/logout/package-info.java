/**
 * OpenID Connect Back-Channel Logout: signing out at the provider signs the person out of every service.
 */
@NullMarked
package org.suggestionbox.signin.logout;

import org.jspecify.annotations.NullMarked;
