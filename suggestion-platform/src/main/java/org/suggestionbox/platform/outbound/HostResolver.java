package org.suggestionbox.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses; the system's resolver in production, a stub in tests (so that a
 * test never needs the network to show what a name that points inside would do).
 */
@FunctionalInterface
public interface HostResolver {

    /** The operating system's resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** @return every address the name has, never empty */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
