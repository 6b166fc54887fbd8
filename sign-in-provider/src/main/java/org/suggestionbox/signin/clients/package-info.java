/**
 * The registered clients: one per service (authorization code + PKCE) and the machine clients (client credentials).
 */
@NullMarked
package org.suggestionbox.signin.clients;

import org.jspecify.annotations.NullMarked;
