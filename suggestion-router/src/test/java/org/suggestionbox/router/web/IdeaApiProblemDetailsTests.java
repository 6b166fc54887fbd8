package org.suggestionbox.router.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.idea.IdeaAction;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.lifecycle.IdeaNotFoundException;

/**
 * The idea API's web layer alone (controller, argument binding, problem mapping) with the decision use
 * cases stubbed: every refusal becomes the RFC 9457 problem the API contract promises, never a 500.
 */
class IdeaApiProblemDetailsTests {

    private static final IdeaId ID = new IdeaId(UUID.fromString("6f1c2d1e-0000-4000-8000-000000000001"));
    private static final Person MAYA = new Person(
            "maya", "Maya Rosen", "maya@example.org", "Customer Service", null, "en", null, null, Set.of(Role.OWNER));
    private static final String DECLINE = """
            {"outcome":"DECLINE","reasonCode":"NOT_FEASIBLE","explanation":"Not now"}""";

    private final DecisionService decisions = mock(DecisionService.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new IdeaApiController(decisions, mock(IdeaViews.class)))
            .setControllerAdvice(new RouterApiExceptionHandler())
            .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
            .build();

    @BeforeEach
    void signIn() {
        DirectoryUser maya = new DirectoryUser(MAYA, "secret");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(maya, null, maya.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anActionTheStateDoesNotAllowIsAConflictNamingTheState() throws Exception {
        when(decisions.decide(eq(ID), any(), any()))
                .thenThrow(IdeaActionRefused.notInState(ID, IdeaState.DECLINED, IdeaAction.DECLINE));

        mvc.perform(post("/api/ideas/{id}/decision", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DECLINE))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not possible in this state"))
                .andExpect(jsonPath("$.state").value("DECLINED"));
    }

    @Test
    void aClientThatReadsNoJsonIsRefusedBeforeTheDecisionIsTaken() throws Exception {
        // refused after deciding, the decision would stand and the owner be told it failed
        mvc.perform(post("/api/ideas/{id}/decision", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_HTML)
                        .content(DECLINE))
                .andExpect(status().isNotAcceptable());

        verifyNoInteractions(decisions);
    }

    @Test
    void anIncompleteActionIsABadRequestWithOneErrorPerField() throws Exception {
        when(decisions.decide(eq(ID), any(), any()))
                .thenThrow(IdeaActionRefused.incomplete(
                        ID,
                        IdeaState.ASSIGNED,
                        IdeaAction.DECLINE,
                        List.of(
                                new Violation("reasonCode", "A decline needs a reason code."),
                                new Violation("explanation", "A decline needs a written explanation."))));

        mvc.perform(post("/api/ideas/{id}/decision", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"))
                .andExpect(jsonPath("$.errors[1].field").value("explanation"));
    }

    @Test
    void aChangeThatLostARaceIsAConflictToReloadFrom() throws Exception {
        when(decisions.decide(eq(ID), any(), any())).thenThrow(new OptimisticLockingFailureException("version 3"));

        mvc.perform(post("/api/ideas/{id}/decision", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DECLINE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Changed meanwhile"));
    }

    @Test
    void anUnknownIdeaIsNotFoundAndSomeoneElsesIsForbidden() throws Exception {
        IdeaId unknown = new IdeaId(UUID.randomUUID());
        when(decisions.read(eq(unknown), any())).thenThrow(new IdeaNotFoundException(unknown));
        when(decisions.read(eq(ID), any())).thenThrow(new IdeaAccessDeniedException(ID, "see"));

        mvc.perform(get("/api/ideas/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Idea not found"));
        mvc.perform(get("/api/ideas/{id}", ID))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void anIdThatIsNoUuidIsABadRequestNotAServerError() throws Exception {
        mvc.perform(get("/api/ideas/{id}", "not-an-id")).andExpect(status().isBadRequest());
    }
}
