package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Calls an API like a patient client does while services crash: a request that fails to connect (or
 * whose connection is cut) or answers one of the given statuses is sent again, unchanged, after a short
 * back-off, until it gets another answer or the deadline passes.
 */
final class Retrying {

    private static final Duration BACK_OFF = Duration.ofMillis(250);

    private Retrying() {}

    static Api.Response call(Supplier<Api.Response> request, Set<Integer> retryStatuses, Duration patience) {
        return call(request, retryStatuses, patience, failure -> {});
    }

    /**
     * Like {@link #call(Supplier, Set, Duration)}, telling {@code retried} about every attempt that is
     * sent again: the answer whose status was retried, or {@code null} when the connection failed.
     */
    static Api.Response call(
            Supplier<Api.Response> request,
            Set<Integer> retryStatuses,
            Duration patience,
            Consumer<Api.@Nullable Response> retried) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String failure;
            try {
                Api.Response response = request.get();
                if (!retryStatuses.contains(response.status())) {
                    return response;
                }
                failure = "status " + response.status() + " " + response.body();
                retried.accept(response);
            } catch (IllegalStateException ex) {
                if (!(ex.getCause() instanceof java.io.IOException)) {
                    throw ex;
                }
                failure = ex.getCause().toString();
                retried.accept(null);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Still failing after " + patience.toSeconds() + " s: " + failure);
            }
            // a back-off between attempts, not a wait for a condition
            LockSupport.parkNanos(BACK_OFF.toNanos());
        }
    }
}
