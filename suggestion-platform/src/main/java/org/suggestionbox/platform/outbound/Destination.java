package org.suggestionbox.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL that passed the policy, with the addresses its host resolved to, all of them checked: the
 * call connects to these and to nothing else.
 *
 * @param host the host, normalized (lower case, no brackets); TLS verifies the certificate against it
 * @param port the port, the scheme's default filled in
 */
public record Destination(URI uri, String host, int port, List<InetAddress> addresses) {

    public Destination {
        addresses = List.copyOf(addresses);
    }

    /** {@code host:port}: what a circuit breaker is kept per. */
    public String key() {
        return host + ":" + port;
    }
}
