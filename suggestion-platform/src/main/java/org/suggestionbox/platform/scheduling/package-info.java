/**
 * Scheduled jobs that run once across the instances of a service: ShedLock with its locks in the
 * service's own MongoDB database.
 */
@NullMarked
package org.suggestionbox.platform.scheduling;

import org.jspecify.annotations.NullMarked;
