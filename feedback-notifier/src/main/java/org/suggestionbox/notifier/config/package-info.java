/** Cross-cutting wiring: settings, the message texts adapter. */
@NullMarked
package org.suggestionbox.notifier.config;

import org.jspecify.annotations.NullMarked;
