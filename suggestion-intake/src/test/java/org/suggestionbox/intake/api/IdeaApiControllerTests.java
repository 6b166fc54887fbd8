package org.suggestionbox.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.submission.FieldViolation;
import org.suggestionbox.intake.submission.IdeaIntake;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.intake.submission.SubmitIdea;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.security.DirectoryUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's web layer alone: every outcome of a submission becomes the promised status and,
 * for refusals, an RFC 9457 problem with its type, messages in the reader's language and
 * {@code Retry-After}. The intake behind it is a mock; the flows run in {@code IdeaIntakeIntegrationTests}.
 * (The {@code local} profile only spares the secrets a production start insists on.)
 */
@WebMvcTest(IdeaApiController.class)
@ActiveProfiles("local")
class IdeaApiControllerTests {

    private static final DirectoryUser ALICE = new DirectoryUser(
            new Directory(
                            new DefaultResourceLoader(),
                            JsonMapper.builder().build(),
                            "classpath:directory/demo-directory.json")
                    .get("alice"),
            "{noop}demo");
    private static final String PROBLEMS = "https://suggestionbox.example/problems/";
    private static final String IDEA = "{\"title\":\"Quieter rooms\",\"description\":\"Please\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IdeaIntake intake;

    @Test
    void acceptedIdeaIs202WithTheTrackingUrlAsLocation() throws Exception {
        UUID id = UUID.randomUUID();
        given(intake.submit(any()))
                .willReturn(
                        new SubmissionResult.Accepted(id, "http://router/ideas/" + id, "Quieter rooms", false, false));

        mvc.perform(submit(IDEA).header("Idempotency-Key", "k-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://router/ideas/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));

        ArgumentCaptor<SubmitIdea> command = ArgumentCaptor.forClass(SubmitIdea.class);
        then(intake).should().submit(command.capture());
        assertThat(command.getValue().personId()).isEqualTo("alice");
        assertThat(command.getValue().channel()).isEqualTo(SubmissionChannel.API);
        assertThat(command.getValue().idempotencyKey()).isEqualTo("k-1");
        assertThat(command.getValue().draft().title()).isEqualTo("Quieter rooms");
    }

    @Test
    void aClientThatReadsNoJsonIsRefusedBeforeTheIdeaIsTaken() throws Exception {
        // refused after the submission, the idea would be on the broker and the client told it failed
        mvc.perform(submit(IDEA).accept(MediaType.APPLICATION_XML)).andExpect(status().isNotAcceptable());

        verifyNoInteractions(intake);
    }

    @Test
    void brokenRulesAreA400ProblemNamingEachFieldInTheReadersLanguage() throws Exception {
        given(intake.submit(any()))
                .willReturn(new SubmissionResult.Invalid(List.of(
                        new FieldViolation("title", "idea.error.title.length", List.of(5, 120, 3)),
                        new FieldViolation("category", "idea.error.category.unknown", List.of()))));

        mvc.perform(submit("{\"title\":\"abc\",\"description\":\"x\",\"category\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-idea"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("The idea has invalid fields."))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("The title must be 5 to 120 characters long; it has 3."))
                .andExpect(jsonPath("$.errors[1].field").value("category"))
                .andExpect(jsonPath("$.errors[1].message").value("Choose one of the offered categories."));
    }

    @Test
    void anIdempotencyKeyWithSpacesIsA400ProblemAndTheIntakeIsNotAsked() throws Exception {
        mvc.perform(submit(IDEA).header("Idempotency-Key", "has spaces"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(intake);
    }

    @Test
    void unreadableJsonIsA400ProblemNotA500() throws Exception {
        mvc.perform(submit("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(intake);
    }

    @Test
    void aKeyReusedForAnotherIdeaIsA422Problem() throws Exception {
        given(intake.submit(any())).willReturn(new SubmissionResult.KeyReused());

        mvc.perform(submit(IDEA).header("Idempotency-Key", "k-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "idempotency-key-reused"));
    }

    @Test
    void throttledIsA429ProblemWithRetryAfterRoundedUpToWholeSeconds() throws Exception {
        given(intake.submit(any())).willReturn(new SubmissionResult.Throttled(Duration.ofMillis(44_001)));

        mvc.perform(submit(IDEA))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "too-many-ideas"));
    }

    @Test
    void aSilentBrokerIsA503ProblemWithRetryAfter() throws Exception {
        given(intake.submit(any())).willReturn(new SubmissionResult.Unavailable(Duration.ofSeconds(10)));

        mvc.perform(submit(IDEA))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "intake-unavailable"));
    }

    private static MockHttpServletRequestBuilder submit(String json) {
        return post("/api/ideas")
                .with(user(ALICE))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Accept-Language", "en");
    }
}
