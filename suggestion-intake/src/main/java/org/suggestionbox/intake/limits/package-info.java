/**
 * Submission rate limits that hold across intake instances: Bucket4j token buckets kept in intake's
 * MongoDB database, one per person and one for everybody.
 */
@NullMarked
package org.suggestionbox.intake.limits;

import org.jspecify.annotations.NullMarked;
