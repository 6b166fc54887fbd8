@NullMarked
package org.suggestionbox.platform.kafka;

import org.jspecify.annotations.NullMarked;
