/**
 * What the services' texts need to read right in every language they speak beyond a message bundle:
 * the plural form a number takes.
 */
@NullMarked
package org.suggestionbox.platform.i18n;

import org.jspecify.annotations.NullMarked;
