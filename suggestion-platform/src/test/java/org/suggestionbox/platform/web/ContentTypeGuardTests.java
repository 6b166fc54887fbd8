package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ContentTypeGuardTests {

    @Test
    void contentTypesNothingCanReadAreRefusedWith415() throws Exception {
        for (String refused : new String[] {
            "*/*", "application/*", "multipart/form-data", "text/*", "application/json; charset=nope", "nonsense"
        }) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/ideas");
            request.addHeader("Content-Type", refused);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            new ContentTypeGuard().doFilter(request, response, chain);

            assertThat(response.getStatus()).as(refused).isEqualTo(415);
            assertThat(response.getContentType()).as(refused).startsWith("application/problem+json");
            assertThat(chain.getRequest()).as(refused).isNull();
        }
    }

    @Test
    void ordinaryContentTypesAndNoneGoThrough() throws Exception {
        for (String accepted : new String[] {
            "application/json",
            "application/json; charset=UTF-8",
            "application/x-www-form-urlencoded",
            "text/csv",
            "text/plain",
            null
        }) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/ideas");
            if (accepted != null) {
                request.addHeader("Content-Type", accepted);
            }
            MockFilterChain chain = new MockFilterChain();

            new ContentTypeGuard().doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(String.valueOf(accepted)).isNotNull();
        }
    }

    @Test
    void textThatIsNoValidUtf8AnswersA400ProblemInsteadOfA500() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/preferences");
        request.addHeader("Content-Type", "application/x-www-form-urlencoded");
        MockHttpServletResponse response = new MockHttpServletResponse();
        // what Tomcat throws from getParameter when a form body's bytes are no UTF-8
        FilterChain reading = (req, res) -> {
            throw new MalformedInputException(2);
        };

        new ContentTypeGuard().doFilter(request, response, reading);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("cannot be decoded");
    }

    @Test
    void otherFailuresStillPropagate() {
        FilterChain failing = (req, res) -> {
            throw new IOException("connection reset");
        };

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> new ContentTypeGuard()
                        .doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), failing))
                .withMessage("connection reset");
    }
}
