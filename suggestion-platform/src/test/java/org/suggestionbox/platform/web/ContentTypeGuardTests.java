package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
