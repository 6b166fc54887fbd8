/**
 * The contracts between the Suggestion Box services: event records, topic names and the
 * CloudEvents attributes they travel with. Plain Java: nothing here knows Spring or Kafka.
 */
@NullMarked
package org.suggestionbox.events;

import org.jspecify.annotations.NullMarked;
