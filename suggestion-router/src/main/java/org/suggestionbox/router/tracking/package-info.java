/**
 * The private tracking link of an anonymous idea: {@code /track/{token}} (page) and
 * {@code /api/track/{token}} (JSON), without sign-in. Intake made the token and gave it only to the
 * submitter; the router knows only its SHA-256, so it finds the idea by the link and never learns who
 * holds it. What the link shows names nobody.
 */
@NullMarked
package org.suggestionbox.router.tracking;

import org.jspecify.annotations.NullMarked;
