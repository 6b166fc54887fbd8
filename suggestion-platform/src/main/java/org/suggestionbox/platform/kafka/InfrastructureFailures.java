package org.suggestionbox.platform.kafka;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.ClassUtils;

/**
 * Tells a failure of what a consumer stands on (the database is away, the broker does not answer) from a
 * failure of the record itself (and, for the router's scheduled passes, from a failure of one idea). The event error handler retries a record failing so for as long as it
 * takes, instead of giving it to the dead-letter topic after {@code suggestionbox.kafka.retries}: the
 * partition waits and its lag grows, and nothing accepted is given up because an outage lasted long.
 * <p>
 * Spring Data translates the MongoDB driver's exceptions; code that calls the driver directly gets them
 * untranslated, so those are recognised too when the driver is on the class path.
 */
public final class InfrastructureFailures {

    private static final boolean MONGODB_DRIVER_PRESENT =
            ClassUtils.isPresent("com.mongodb.MongoException", InfrastructureFailures.class.getClassLoader());

    private InfrastructureFailures() {}

    /** Whether {@code failure} or one of its causes says the infrastructure, not the record, failed. */
    public static boolean isInfrastructureFailure(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RetriableException
                    || (MONGODB_DRIVER_PRESENT && MongoDriver.isUnavailable(cause))) {
                return true;
            }
        }
        return false;
    }

    /** Loaded only when the driver is there. */
    private static final class MongoDriver {

        static boolean isUnavailable(Throwable cause) {
            return cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException;
        }
    }
}
