package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTests {

    private final ProblemErrorController controller =
            new ProblemErrorController(new DefaultErrorAttributes(), new ErrorProperties(), List.of());

    @Test
    void anAddressNothingAnswersIsANotFoundProblemNamingTheAddress() {
        ResponseEntity<Map<String, Object>> answer = controller.error(errorDispatch(404, "/api/no-such-thing", null));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody())
                .containsExactly(
                        Map.entry("title", "Not Found"),
                        Map.entry("status", 404),
                        Map.entry("detail", "Nothing answers at this address."),
                        Map.entry("instance", "/api/no-such-thing"));
    }

    @Test
    void aFailureSaysWhatToDoAndNothingOfTheExceptionBehindIt() {
        IllegalStateException failure = new IllegalStateException("collection suggestion_router.ideas is locked");

        ResponseEntity<Map<String, Object>> answer = controller.error(errorDispatch(500, "/api/queue", failure));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody())
                .containsEntry("title", "Internal Server Error")
                .containsEntry(
                        "detail",
                        "The service could not answer this request. Try again; if it keeps failing, tell the"
                                + " administrators.")
                .doesNotContainKeys("exception", "message", "trace", "timestamp", "error", "path");
        assertThat(answer.getBody().toString()).doesNotContain("suggestion_router", "IllegalStateException");
    }

    private static MockHttpServletRequest errorDispatch(int status, String path, @Nullable Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        if (failure != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        }
        return request;
    }
}
