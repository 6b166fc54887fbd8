/**
 * Production by default: a service declares the secrets it needs
 * ({@code suggestionbox.secrets.required}: environment variable → property) and refuses to start, naming
 * every missing one, unless each is set to a value of its own. Only the {@code local} profile, the home of
 * the demo values, skips the check.
 */
@NullMarked
package org.suggestionbox.platform.secrets;

import org.jspecify.annotations.NullMarked;
