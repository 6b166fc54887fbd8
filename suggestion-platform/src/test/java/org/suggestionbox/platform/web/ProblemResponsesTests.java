package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

class ProblemResponsesTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ProblemResponses problems = new ProblemResponses(List.of("/api/track/**", "/slack/**"));

    @Test
    void anErrorAControllerNamesIsAProblemAndThePlatformsOwnAnswersAreListed() {
        Operation submit = new Operation()
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))
                .responses(new ApiResponses()
                        .addApiResponse("202", new ApiResponse().description("Accepted"))
                        .addApiResponse(
                                "400",
                                new ApiResponse()
                                        .description("Invalid fields")
                                        // what springdoc assumes when an annotation names no content
                                        .content(new Content().addMediaType("*/*", new MediaType()))));
        OpenAPI api = api("/api/ideas", new PathItem().post(submit));

        problems.customise(api);

        ApiResponses responses = submit.getResponses();
        assertThat(responses.keySet()).containsExactlyInAnyOrder("202", "400", "401", "413", "415");
        assertThat(responses.get("400").getDescription()).isEqualTo("Invalid fields");
        assertThat(responses.get("400").getContent()).containsOnlyKeys(PROBLEM_JSON);
        for (String status : List.of("400", "401", "413", "415")) {
            assertThat(responses
                            .get(status)
                            .getContent()
                            .get(PROBLEM_JSON)
                            .getSchema()
                            .get$ref())
                    .as(status)
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(responses.get("202").getContent())
                .as("a success keeps what it had")
                .isNull();
        Schema<?> problem = api.getComponents().getSchemas().get("ProblemDetail");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance");
    }

    @Test
    void aPublicPathNeedsNoSignInAReadTakesNoBodyAndAPageOfAListCanBeAskedWrongly() {
        Operation track = new Operation()
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The idea"))
                        .addApiResponse("404", new ApiResponse().description("Unknown link")));
        Operation queue = new Operation()
                .addParametersItem(new Parameter().in("query").name("limit"))
                .addParametersItem(new Parameter().in("query").name("cursor"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = api("/api/track/{token}", new PathItem().get(track));
        api.getPaths().addPathItem("/api/queue", new PathItem().get(queue));

        problems.customise(api);

        assertThat(track.getResponses().keySet()).containsExactlyInAnyOrder("200", "404");
        assertThat(track.getResponses().get("404").getContent()).containsOnlyKeys(PROBLEM_JSON);
        assertThat(queue.getResponses().keySet()).as("a page of a list").containsExactlyInAnyOrder("200", "400", "401");
    }

    @Test
    void aProblemAControllerDescribedItselfIsLeftAsItIs() {
        Content own = new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("Own")));
        Operation operation =
                new Operation().responses(new ApiResponses().addApiResponse("409", new ApiResponse().content(own)));

        problems.customise(api("/api/ideas/{id}/decision", new PathItem().post(operation)));

        assertThat(operation.getResponses().get("409").getContent()).isSameAs(own);
    }

    @Test
    void aRoleTheControllerRequiresIsRefusedWith403() throws NoSuchMethodException {
        Operation rules = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        Operation mine = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));

        problems.customize(rules, new HandlerMethod(new AdminOnly(), AdminOnly.class.getDeclaredMethod("rules")));
        problems.customize(mine, new HandlerMethod(new ForEveryone(), ForEveryone.class.getDeclaredMethod("mine")));

        assertThat(rules.getResponses().keySet()).containsExactlyInAnyOrder("200", "403");
        assertThat(mine.getResponses().keySet()).containsExactly("200");
    }

    @PreAuthorize("hasRole('ADMIN')")
    static class AdminOnly {
        String rules() {
            return "rules";
        }
    }

    static class ForEveryone {
        String mine() {
            return "mine";
        }
    }

    private static OpenAPI api(String path, PathItem item) {
        return new OpenAPI().paths(new Paths().addPathItem(path, item));
    }
}
