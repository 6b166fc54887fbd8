package org.suggestionbox.systemtests;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints a service really has, read from its {@code /actuator/mappings}: every method and path
 * pattern of a handler method of the application's own controllers ({@code org.suggestionbox.*}).
 * Spring's own handlers — actuator, {@code /error}, springdoc, static resources — are not the
 * application's and are left out, by their handler and, as a second net, by their paths.
 */
final class RequestMappings {

    private static final String OWN_CODE = "org.suggestionbox.";
    private static final Set<String> INFRASTRUCTURE_PREFIXES = Set.of(
            "/actuator",
            "/error",
            "/v3/api-docs",
            "/swagger-ui",
            "/webjars",
            "/css/",
            "/js/",
            "/images/",
            "/favicon.ico",
            "/asyncapi.yaml");

    private RequestMappings() {}

    /** Reads the mappings as {@code admin} (actuator endpoints other than health, info and metrics are for signed-in callers). */
    static Set<Endpoint> of(String service, String baseUrl) {
        Api.Response response = Api.as("admin").get(baseUrl + "/actuator/mappings");
        if (response.status() != 200) {
            throw new IllegalStateException(service + " /actuator/mappings answered " + response.status()
                    + " (is MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE set?): " + response.body());
        }
        Set<Endpoint> endpoints = new TreeSet<>();
        for (JsonNode context : response.json().path("contexts")) {
            for (JsonNode servlet : context.path("mappings").path("dispatcherServlets")) {
                for (JsonNode mapping : servlet) {
                    JsonNode details = mapping.path("details");
                    String handlerClass =
                            details.path("handlerMethod").path("className").asString("");
                    if (!handlerClass.startsWith(OWN_CODE)) {
                        continue;
                    }
                    JsonNode conditions = details.path("requestMappingConditions");
                    for (JsonNode pattern : conditions.path("patterns")) {
                        String path = pattern.asString();
                        if (INFRASTRUCTURE_PREFIXES.stream().anyMatch(path::startsWith)) {
                            continue;
                        }
                        if (conditions.path("methods").isEmpty()) {
                            throw new IllegalStateException(handlerClass + " maps " + path
                                    + " for every HTTP method; name the method so the matrix can decide it");
                        }
                        for (JsonNode method : conditions.path("methods")) {
                            endpoints.add(new Endpoint(service, method.asString(), path));
                        }
                    }
                }
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException(
                    service + " /actuator/mappings lists none of the application's endpoints: " + response.body());
        }
        return endpoints;
    }
}
