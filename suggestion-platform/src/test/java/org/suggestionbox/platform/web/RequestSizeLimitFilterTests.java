package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The platform's 64 KB, and a larger limit a service gives some of its paths. */
class RequestSizeLimitFilterTests {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new PlatformWebProperties(DataSize.ofKilobytes(64)),
            List.of(new RequestSizeLimitFilter.PathLimit(List.of("/slack/**", "/teams/**"), DataSize.ofKilobytes(256))),
            JsonMapper.builder().build(),
            messages(),
            List.of());

    @Test
    void aPathLimitIsTheLimitOnItsPaths() throws Exception {
        assertThat(post("/slack/events", 120 * 1024).getStatus()).isEqualTo(200);
        assertThat(post("/teams/messages", 256 * 1024).getStatus()).isEqualTo(200);
        assertThat(post("/slack/events", 256 * 1024 + 1).getStatus()).isEqualTo(413);
    }

    @Test
    void everyOtherPathKeepsTheServicesLimit() throws Exception {
        MockHttpServletResponse api = post("/api/ideas", 100 * 1024);

        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(api.getContentAsString()).contains("larger than 65536 bytes");
        assertThat(post("/api/ideas", 64 * 1024).getStatus()).isEqualTo(200);
        assertThat(post("/slackers", 100 * 1024).getStatus()).isEqualTo(413);
    }

    /** The path the container mapped the request by counts, not the address as sent. */
    @Test
    void aPathThatOnlyStartsLikeAChatDoorKeepsTheServicesLimit() throws Exception {
        MockHttpServletRequest request = request("/api/ideas", 100 * 1024);
        request.setRequestURI("/slack/../api/ideas");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
    }

    /** The container hands the path over decoded: a "%" in it (sent as %25) is a character, not an escape. */
    @Test
    void aPathWithAPercentSignIsMatchedAsItIs() throws Exception {
        assertThat(sent("/ideas/%25/submitted", "/ideas/%/submitted", 10).getStatus())
                .isEqualTo(200);
        assertThat(sent("/slack/%25", "/slack/%", 120 * 1024).getStatus()).isEqualTo(200);
        assertThat(sent("/api/%25zz", "/api/%zz", 100 * 1024).getStatus()).isEqualTo(413);
    }

    /** A request sent to {@code uri}, which the container decoded to {@code servletPath}. */
    private MockHttpServletResponse sent(String uri, String servletPath, int bytes) throws Exception {
        MockHttpServletRequest request = request(servletPath, bytes);
        request.setRequestURI(uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aChunkedBodyIsMeasuredAgainstItsPathsLimit() throws Exception {
        MockFilterChain chatDoor = new MockFilterChain();
        MockHttpServletResponse api = new MockHttpServletResponse();

        filter.doFilter(chunked("/teams/messages", 120 * 1024), new MockHttpServletResponse(), chatDoor);
        filter.doFilter(chunked("/api/ideas", 100 * 1024), api, new MockFilterChain());

        assertThat(chatDoor.getRequest()).isNotNull();
        assertThat(chatDoor.getRequest().getContentLengthLong()).isEqualTo(120 * 1024);
        assertThat(api.getStatus()).isEqualTo(413);
    }

    private MockHttpServletResponse post(String path, int bytes) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(path, bytes), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String path, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        request.setContentType("application/json");
        request.setContent(new byte[bytes]);
        return request;
    }

    /** A body sent in chunks: no length announced. */
    private static MockHttpServletRequest chunked(String path, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setServletPath(path);
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(new byte[bytes]);
        return request;
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("platform.requestTooLarge", Locale.ENGLISH, "Larger than {0} KB");
        return messages;
    }
}
