package org.suggestionbox.signin.clients;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The registered clients, fixed at start from the settings; unlike the repository they can be listed. */
public final class ConfiguredClients implements RegisteredClientRepository {

    /** Client setting: the client's OpenID Connect Back-Channel Logout URIs ({@code List<String>}). */
    static final String BACK_CHANNEL_LOGOUT_URIS = "settings.client.suggestionbox.backchannel-logout-uris";

    private final List<RegisteredClient> clients;

    private final InMemoryRegisteredClientRepository repository;

    ConfiguredClients(List<RegisteredClient> clients) {
        this.clients = List.copyOf(clients);
        this.repository = new InMemoryRegisteredClientRepository(this.clients);
    }

    public List<RegisteredClient> all() {
        return clients;
    }

    /** Where the client wants to hear that a person signed out (empty for machine clients). */
    public static List<String> backChannelLogoutUris(RegisteredClient client) {
        List<String> uris = client.getClientSettings().getSetting(BACK_CHANNEL_LOGOUT_URIS);
        return uris == null ? List.of() : uris;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("The clients are fixed by the provider's settings");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return repository.findById(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return repository.findByClientId(clientId);
    }
}
