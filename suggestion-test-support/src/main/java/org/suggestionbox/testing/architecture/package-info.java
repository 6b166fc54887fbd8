/** Architecture rules every service checks the same way (ArchUnit). */
@NullMarked
package org.suggestionbox.testing.architecture;

import org.jspecify.annotations.NullMarked;
