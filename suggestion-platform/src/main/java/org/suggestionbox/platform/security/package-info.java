@NullMarked
package org.suggestionbox.platform.security;

import org.jspecify.annotations.NullMarked;
