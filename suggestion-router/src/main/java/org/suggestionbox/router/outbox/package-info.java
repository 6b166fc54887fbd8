/** Relays the lifecycle events stored in each idea document to Kafka, then clears them. */
@NullMarked
package org.suggestionbox.router.outbox;

import org.jspecify.annotations.NullMarked;
