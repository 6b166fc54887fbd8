/** Explainable routing: rules from a file, first match wins, everything else goes to triage. */
@NullMarked
package org.suggestionbox.router.routing;

import org.jspecify.annotations.NullMarked;
