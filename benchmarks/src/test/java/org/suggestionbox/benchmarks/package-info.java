@NullMarked
package org.suggestionbox.benchmarks;

import org.jspecify.annotations.NullMarked;
