package org.suggestionbox.intake.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.chat.ChatIntake;
import org.suggestionbox.intake.chat.RawBody;

/**
 * {@code POST /slack/events}, the request URL of the slash command and of interactivity. Needs no
 * sign-in (a public path): every request must carry a valid Slack signature over its raw body,
 * else {@code 401} without details. Signed requests go to the Bolt app, whose answer is returned
 * as it is.
 */
@RestController
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final SlackSignatureVerifier verifier;
    private final SlackIdeaApp app;
    private final ChatIntake chat;

    SlackEventsController(SlackProperties properties, Clock clock, SlackIdeaApp app, ChatIntake chat) {
        this.verifier = new SlackSignatureVerifier(properties.signingSecret(), clock);
        this.app = app;
        this.chat = chat;
    }

    @PostMapping("/slack/events")
    ResponseEntity<String> events(@RequestAttribute(RawBody.ATTRIBUTE) byte[] rawBody, HttpServletRequest request)
            throws Exception {
        String body = new String(rawBody, StandardCharsets.UTF_8);
        if (!verifier.isValid(
                request.getHeader(SlackSignatureVerifier.TIMESTAMP_HEADER),
                request.getHeader(SlackSignatureVerifier.SIGNATURE_HEADER),
                body)) {
            LOG.info("Refused a Slack request without a valid signature");
            chat.unverified(SubmissionChannel.SLACK);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Request<?> slackRequest = app.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getRequestURI())
                .queryString(Map.of())
                .headers(new RequestHeaders(headers(request)))
                .requestBody(body)
                .remoteAddress(request.getRemoteAddr())
                .build());
        if (slackRequest == null) {
            return ResponseEntity.badRequest().build();
        }
        if (slackRequest.getRequestType() == RequestType.SSLCheck) {
            return ResponseEntity.ok().build();
        }
        Response response = app.run(slackRequest);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(
                response.getStatusCode() == null ? HttpStatus.OK.value() : response.getStatusCode());
        if (response.getContentType() != null) {
            answer.contentType(MediaType.parseMediaType(response.getContentType()));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> answer.header(name, values.toArray(String[]::new)));
        }
        return answer.body(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
