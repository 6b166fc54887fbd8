package org.suggestionbox.intake.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.submission.FieldViolation;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.IdeaIntake;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.intake.submission.SubmitIdea;
import org.suggestionbox.platform.security.DirectoryUser;

/**
 * {@code POST /api/ideas}: the signed-in person submits an idea. {@code 202} once the broker has
 * it; otherwise an RFC 9457 problem: {@code 400} (with {@code errors[].field}), {@code 422} (an
 * Idempotency-Key reused for another idea), {@code 429} or {@code 503} (both with
 * {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/ideas")
class IdeaApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEMS = "https://suggestionbox.example/problems/";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdeaIntake intake;
    private final MessageSource messages;

    IdeaApiController(IdeaIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    /**
     * The request body; every field may be missing, the rules say what is required.
     *
     * @param coSubmitterIds owners only: directory ids of the people the idea comes from, when it is
     *        submitted on behalf of a team meeting (up to 20, duplicates dropped); they hear the outcome
     *        too, so such an idea cannot be anonymous
     * @param visibility who may see the idea: a {@link org.suggestionbox.events.Visibility} name,
     *        {@code COMPANY} when missing; an anonymous idea cannot be {@code COMPANY_NAMED}
     */
    record SubmitIdeaRequest(
            @Nullable String title,
            @Nullable String description,
            @Nullable String category,
            @Nullable Boolean anonymous,

            @Schema(
                    description = "Owners only: directory ids of the team meeting's co-submitters (max 20); "
                            + "not together with anonymous")
            @Nullable
            List<String> coSubmitterIds,

            @Schema(
                    description = "Who may see the idea: COMPANY (colleagues, without the submitter's name), "
                            + "COMPANY_NAMED (colleagues, with the name; not together with anonymous) or PRIVATE "
                            + "(only the submitter, co-submitters, owner, watchers and leaders). Co-submitters "
                            + "of a team meeting's idea are named only once they agree.",
                    allowableValues = {"COMPANY", "COMPANY_NAMED", "PRIVATE"},
                    defaultValue = "COMPANY")
            @Nullable
            String visibility) {}

    /** The answer to an accepted idea. */
    record IdeaAccepted(UUID id, String status, String trackingUrl) {}

    @Operation(
            summary = "Submit an idea as the signed-in person",
            description = "Answers 202 only after the broker acknowledged the IdeaSubmitted event. The same "
                    + "Idempotency-Key from the same person returns the same idea and publishes nothing new.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted and recorded",
            content = @Content(schema = @Schema(implementation = IdeaAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields, with errors[].field")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for a different idea")
    @ApiResponse(responseCode = "429", description = "Too many ideas; see Retry-After")
    @ApiResponse(responseCode = "503", description = "Not recorded (broker unavailable); see Retry-After")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(
            @RequestBody SubmitIdeaRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @Parameter(hidden = true) @AuthenticationPrincipal DirectoryUser user,
            @Parameter(hidden = true) Locale locale) {
        if (idempotencyKey != null && !validKey(idempotencyKey)) {
            ProblemDetail problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-idea",
                    "Invalid request",
                    messages.getMessage("api.problem.invalid", null, locale));
            problem.setProperty(
                    "errors",
                    List.of(error(
                            IDEMPOTENCY_KEY,
                            messages.getMessage("api.error.idempotencyKey", new Object[] {MAX_KEY_LENGTH}, locale))));
            return respond(problem, null);
        }
        // no or an empty list: not from a team meeting
        List<String> coSubmitterIds = request.coSubmitterIds();
        IdeaDraft draft = new IdeaDraft(
                request.title(),
                request.description(),
                request.category(),
                Boolean.TRUE.equals(request.anonymous()),
                coSubmitterIds == null || coSubmitterIds.isEmpty() ? null : coSubmitterIds,
                request.visibility());
        SubmissionResult result =
                intake.submit(new SubmitIdea(user.id(), draft, SubmissionChannel.API, idempotencyKey));
        return switch (result) {
            case SubmissionResult.Accepted accepted ->
                ResponseEntity.accepted()
                        .location(URI.create(accepted.trackingUrl()))
                        // named, so Spring MVC writes it without negotiating a media type per request
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new IdeaAccepted(accepted.ideaId(), "SUBMITTED", accepted.trackingUrl()));
            case SubmissionResult.Invalid invalid -> {
                ProblemDetail problem = problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-idea",
                        "Invalid request",
                        messages.getMessage("api.problem.invalid", null, locale));
                problem.setProperty(
                        "errors",
                        invalid.violations().stream()
                                .map(violation -> error(violation.field(), message(violation, locale)))
                                .toList());
                yield respond(problem, null);
            }
            case SubmissionResult.KeyReused reused ->
                respond(
                        problem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "idempotency-key-reused",
                                "Idempotency-Key reused",
                                messages.getMessage("api.problem.keyReused", null, locale)),
                        null);
            case SubmissionResult.Throttled throttled ->
                respond(
                        problem(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "too-many-ideas",
                                "Too many submissions",
                                messages.getMessage("api.problem.throttled", null, locale)),
                        throttled.retryAfterSeconds());
            case SubmissionResult.Unavailable unavailable ->
                respond(
                        problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "intake-unavailable",
                                "Idea not recorded",
                                messages.getMessage("api.problem.unavailable", null, locale)),
                        unavailable.retryAfterSeconds());
        };
    }

    private String message(FieldViolation violation, Locale locale) {
        return messages.getMessage(violation.code(), violation.args().toArray(), locale);
    }

    private static boolean validKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, @Nullable Long retryAfterSeconds) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return response.body(problem);
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("message", message);
        return entry;
    }
}
