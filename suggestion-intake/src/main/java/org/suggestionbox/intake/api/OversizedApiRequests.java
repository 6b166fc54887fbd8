package org.suggestionbox.intake.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.submission.IntakeMetrics;
import org.suggestionbox.intake.submission.RefusalReason;
import org.suggestionbox.platform.web.OversizedRequestListener;

/**
 * Counts API requests the platform refused for their size ({@code suggestionbox.web.max-request-size})
 * as refused submissions, {@code reason=TOO_LARGE}.
 */
@Component
class OversizedApiRequests implements OversizedRequestListener {

    private final IntakeMetrics metrics;

    OversizedApiRequests(IntakeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void refused(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            metrics.refused(SubmissionChannel.API, RefusalReason.TOO_LARGE);
        }
    }
}
