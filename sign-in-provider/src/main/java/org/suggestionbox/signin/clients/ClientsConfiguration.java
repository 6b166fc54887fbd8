package org.suggestionbox.signin.clients;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.suggestionbox.signin.SignInProperties;
import org.suggestionbox.signin.SignInProperties.Machine;
import org.suggestionbox.signin.SignInProperties.Service;

/**
 * One client per service and per machine caller. A service's URIs derive from each of its base URLs B with the
 * registration id {@code suggestionbox} every service uses: redirect {@code B/login/oauth2/code/suggestionbox},
 * post-logout redirect {@code B/}, back-channel logout {@code B/logout/connect/back-channel/suggestionbox}.
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClientsConfiguration.class);

    static final String REGISTRATION_ID = "suggestionbox";

    @Bean
    ConfiguredClients registeredClientRepository(SignInProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        properties.services().forEach((clientId, service) -> clients.add(service(clientId, service, encoder)));
        properties
                .machines()
                .forEach((clientId, machine) -> clients.add(machine(clientId, machine, properties, encoder)));
        LOG.info(
                "Registered clients: {}",
                clients.stream().map(RegisteredClient::getClientId).toList());
        return new ConfiguredClients(clients);
    }

    static RegisteredClient service(String clientId, Service service, PasswordEncoder encoder) {
        List<String> baseUrls = service.baseUrls().stream()
                .map(ClientsConfiguration::withoutTrailingSlash)
                .toList();
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(Objects.requireNonNull(encoder.encode(service.secret())))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(
                        uris -> baseUrls.forEach(base -> uris.add(base + "/login/oauth2/code/" + REGISTRATION_ID)))
                // a service's signed-out page, and its start for services that have none
                .postLogoutRedirectUris(
                        uris -> baseUrls.forEach(base -> uris.addAll(List.of(base + "/", base + "/signed-out"))))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .setting(
                                ConfiguredClients.BACK_CHANNEL_LOGOUT_URIS,
                                baseUrls.stream()
                                        .map(base -> base + "/logout/connect/back-channel/" + REGISTRATION_ID)
                                        .toList())
                        .build())
                .build();
    }

    static RegisteredClient machine(
            String clientId, Machine machine, SignInProperties properties, PasswordEncoder encoder) {
        List<String> scopes =
                machine.scopes().isEmpty() ? List.copyOf(properties.services().keySet()) : machine.scopes();
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(Objects.requireNonNull(encoder.encode(machine.secret())))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(allowed -> allowed.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    private static String withoutTrailingSlash(URI baseUrl) {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
