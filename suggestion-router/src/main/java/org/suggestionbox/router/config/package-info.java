/** Cross-cutting wiring: settings, indexes, error mapping. */
@NullMarked
package org.suggestionbox.router.config;

import org.jspecify.annotations.NullMarked;
