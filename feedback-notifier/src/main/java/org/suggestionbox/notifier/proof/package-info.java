/** Proof of delivery: NotificationDelivered and NotificationFailed on notifications.delivered.v1. */
@NullMarked
package org.suggestionbox.notifier.proof;

import org.jspecify.annotations.NullMarked;
