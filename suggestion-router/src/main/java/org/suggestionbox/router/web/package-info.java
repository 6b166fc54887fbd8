/**
 * The idea pages and the idea API: reading an idea, and the forms and endpoints through which owners
 * act on it (the actions themselves live in {@code router.decision}); the router's problem details.
 * Kept apart from the decision use cases so that those read without HTTP, and so that the queue and
 * the admin pages can share the idea's view and the problem mapping without depending on decisions'
 * internals.
 */
@NullMarked
package org.suggestionbox.router.web;

import org.jspecify.annotations.NullMarked;
