/** The idea aggregate and its state machine: plain Java, no Spring, no Kafka. */
@NullMarked
package org.suggestionbox.router.idea;

import org.jspecify.annotations.NullMarked;
