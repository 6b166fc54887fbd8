package org.suggestionbox.platform.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;

/**
 * The error answers every service's API gives, in its OpenAPI document. Each {@code 4xx} and {@code 5xx} response is
 * RFC 9457 problem details ({@code application/problem+json}, the {@code ProblemDetail} schema, instead of the
 * method's return type springdoc assumes), so a controller names only its status and why. The answers the platform
 * gives before any controller is reached are listed for each operation they apply to: {@code 401} on every API path
 * that needs sign-in, {@code 403} wherever a role is required ({@code @PreAuthorize}), {@code 400} for a page of a
 * list asked with a {@code limit} or {@code cursor} {@link PageRequest} refuses, {@code 413} (over
 * {@code suggestionbox.web.max-request-size}) and {@code 415} (a {@code Content-Type} nothing reads) wherever a body
 * is taken.
 */
final class ProblemResponses implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

    static final String SCHEMA = "ProblemDetail";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> publicPaths;

    /** @param publicPaths the paths that need no sign-in ({@code suggestionbox.security.public-paths}) */
    ProblemResponses(List<String> publicPaths) {
        this.publicPaths = List.copyOf(publicPaths);
    }

    /** A role the method or its controller requires ({@code @PreAuthorize}) is refused with {@code 403}. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), PreAuthorize.class)) {
            addIfAbsent(responsesOf(operation), "403", "Signed in, but not in a role that may do this");
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        registerSchema(openApi);
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> document(path, operation)));
    }

    private void document(String path, Operation operation) {
        ApiResponses responses = responsesOf(operation);
        if (path.startsWith("/api/") && publicPaths.stream().noneMatch(open -> PATHS.match(open, path))) {
            addIfAbsent(
                    responses, "401", "Not signed in: no valid bearer token (HTTP Basic too under the local profile)");
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                "query".equals(parameter.getIn()) && "cursor".equals(parameter.getName()))) {
            addIfAbsent(
                    responses,
                    "400",
                    "A limit that is not a whole number from 1 to " + PageRequest.MAX_LIMIT
                            + ", or a cursor this list did not give");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", "Request body too large");
            addIfAbsent(responses, "415", "A Content-Type that cannot be read here");
        }
        responses.forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemContent());
            }
        });
    }

    private static ApiResponses responsesOf(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }

    private static void registerSchema(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
            return;
        }
        ResolvedSchema problem = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                .readAllAsResolvedSchema(ProblemDetail.class);
        problem.referencedSchemas.forEach(components::addSchemas);
        components.addSchemas(SCHEMA, problem.schema);
    }
}
