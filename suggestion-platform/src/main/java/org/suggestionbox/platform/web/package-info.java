@NullMarked
package org.suggestionbox.platform.web;

import org.jspecify.annotations.NullMarked;
