/**
 * The people who may sign in: the directory's demo people, all with the one demo password (hashed at start).
 */
@NullMarked
package org.suggestionbox.signin.people;

import org.jspecify.annotations.NullMarked;
