/**
 * The one path by which an idea changes: load → act (the aggregate decides) → save (state and
 * outbox in one guarded document write) → project (the dashboard's roll-ups) → relay (the outbox to
 * Kafka). Every feature that changes ideas — assignment, decisions, deadlines, answers, re-routing —
 * goes through {@link org.suggestionbox.router.lifecycle.Ideas}.
 */
@NullMarked
package org.suggestionbox.router.lifecycle;

import org.jspecify.annotations.NullMarked;
