@NullMarked
package org.suggestionbox.platform.directory;

import org.jspecify.annotations.NullMarked;
