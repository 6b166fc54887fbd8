package org.suggestionbox.signin;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The provider's settings. The provider runs only under the {@code local} profile ({@link LocalStackOnly}), whose
 * {@code application-local.yml} gives the demo password and test secrets; the local stack passes its own. The
 * provider refuses to start while one is missing or blank and names every one of them at once.
 *
 * @param issuer the issuer URL put in every token and in discovery; blank = taken from each request's host
 * @param peopleLocation the directory JSON the demo people are read from
 * @param demoPassword the one password of every demo person (hashed at start, never compared in clear)
 * @param jwkLocation a file holding the RSA signing key as a JWK; created at first start, read at every later
 *     one, so tokens stay valid across restarts; blank = a fresh key per start
 * @param services the services that sign people in (authorization code + PKCE), by client id = service name
 * @param machines the machine callers (client credentials), by client id
 * @param backChannelLogoutTimeout how long one back-channel logout POST to a service may take
 */
@ConfigurationProperties("signin")
public record SignInProperties(
        @Nullable String issuer,

        @DefaultValue("classpath:directory/demo-directory.json")
        Resource peopleLocation,

        @Nullable String demoPassword,
        @Nullable String jwkLocation,
        @Nullable Map<String, Service> services,
        @Nullable Map<String, Machine> machines,
        @DefaultValue("2s") Duration backChannelLogoutTimeout) {

    /** Where the environment variables of the standard clients are named (for the start-up error only). */
    private static final Map<String, String> SECRET_VARIABLES = Map.of(
            "suggestion-intake", "INTAKE_OIDC_CLIENT_SECRET",
            "suggestion-router", "ROUTER_OIDC_CLIENT_SECRET",
            "feedback-notifier", "NOTIFIER_OIDC_CLIENT_SECRET",
            "hr-sync", "HR_SYNC_CLIENT_SECRET");

    public SignInProperties {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(services, Map.of())));
        machines = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(machines, Map.of())));
        List<String> missing = new ArrayList<>();
        if (isBlank(demoPassword)) {
            missing.add("signin.demo-password (SIGNIN_DEMO_PASSWORD)");
        }
        services.forEach((clientId, service) -> {
            if (isBlank(service.secret())) {
                missing.add(secretSetting("services", clientId));
            }
            if (service.baseUrls().isEmpty()) {
                missing.add("signin.services." + clientId + ".base-urls");
            }
        });
        machines.forEach((clientId, machine) -> {
            if (isBlank(machine.secret())) {
                missing.add(secretSetting("machines", clientId));
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "The sign-in provider needs these settings: " + String.join(", ", missing));
        }
    }

    /** The issuer, or {@code null} when each request's own host names it. */
    public @Nullable String issuerOrNull() {
        return isBlank(issuer) ? null : issuer;
    }

    /** The signing key file, or {@code null} for a fresh key per start. */
    public @Nullable String jwkLocationOrNull() {
        return isBlank(jwkLocation) ? null : jwkLocation;
    }

    @Override
    public Map<String, Service> services() {
        return Objects.requireNonNull(services);
    }

    @Override
    public Map<String, Machine> machines() {
        return Objects.requireNonNull(machines);
    }

    @Override
    public String demoPassword() {
        return Objects.requireNonNull(demoPassword);
    }

    private static String secretSetting(String kind, String clientId) {
        String variable = SECRET_VARIABLES.get(clientId);
        return "signin." + kind + "." + clientId + ".secret" + (variable == null ? "" : " (" + variable + ")");
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * A service that signs people in.
     *
     * @param secret its client secret (client_secret_basic)
     * @param baseUrls every base URL people reach it under (e.g. {@code http://localhost:8082} and
     *     {@code http://127.0.0.1:8082}); its redirect, post-logout and back-channel logout URIs derive from each
     */
    public record Service(
            @Nullable String secret, @DefaultValue List<URI> baseUrls) {}

    /**
     * A machine caller.
     *
     * @param secret its client secret (client_secret_basic)
     * @param person the directory person it acts as (its tokens carry that person's email and roles)
     * @param scopes the scopes it may ask for: the names of the services it calls
     */
    public record Machine(
            @Nullable String secret,
            @DefaultValue("admin") String person,
            @DefaultValue List<String> scopes) {}
}
