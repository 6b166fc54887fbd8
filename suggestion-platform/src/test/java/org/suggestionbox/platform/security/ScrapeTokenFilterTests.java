package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ScrapeTokenFilterTests {

    private final ScrapeTokenFilter filter = new ScrapeTokenFilter("s3cr3t-scrape-token");

    @Test
    void aScraperWithTheTokenReadsTheMetrics() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = scrape("Bearer s3cr3t-scrape-token", chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("passed on to the endpoint").isNotNull();
    }

    @Test
    void aScraperWithoutOrWithAnotherTokenIsRefused() throws Exception {
        for (String authorization :
                new String[] {null, "Bearer wrong", "Basic YWRtaW46ZGVtbw==", "Bearer s3cr3t-scrape-token2"}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = scrape(authorization, chain);

            assertThat(response.getStatus()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat(chain.getRequest()).isNull();
        }
    }

    private MockHttpServletResponse scrape(String authorization, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.filter.doFilter(request, response, chain);
        return response;
    }
}
