/**
 * The local stack's OpenID Connect provider: Spring Authorization Server holding the directory's demo people, a client per service and the hr-sync machine client.
 */
@NullMarked
package org.suggestionbox.signin;

import org.jspecify.annotations.NullMarked;
