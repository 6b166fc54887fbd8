/**
 * Each person's choices: channels, their own Teams and webhook URLs, language, digest; stored by
 * their opaque reference. Page {@code /preferences}, API {@code /api/preferences}.
 */
@NullMarked
package org.suggestionbox.notifier.preferences;

import org.jspecify.annotations.NullMarked;
