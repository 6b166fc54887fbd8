package org.suggestionbox.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.suggestionbox.platform.outbound.DestinationRefusedException.Reason;

/**
 * Decides where outbound calls may go. Checked twice:
 * <ul>
 * <li>{@link #checkSaved} when a person saves a URL: scheme, the channel's allowed hosts, and the
 * host as written ({@code localhost}, every spelling of an address); loopback is refused here even
 * when {@code allow-loopback} is on, since that setting is for the operator's stand-ins, never for
 * what people type;</li>
 * <li>{@link #vet} before every call: the same, then the name is resolved once and every address it
 * has must be public; the call connects to exactly those addresses ({@link OutboundClient}).</li>
 * </ul>
 * Outside the {@code local} profile only {@code https} is allowed.
 */
public final class OutboundPolicy {

    /** Channel names the allowed hosts are kept under. */
    public static final String TEAMS = "teams";

    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";
    public static final String SLACK_RESPONSE_URL = "slack-response-url";

    /**
     * Teams: classic incoming webhooks ({@code <tenant>.webhook.office.com}) and Workflows
     * ({@code *.logic.azure.com}, {@code *.environment.api.powerplatform.com}); Slack: its own hosts
     * ({@code slack.com}, {@code hooks.slack.com}). Webhooks have no default list.
     */
    public static final Map<String, List<String>> DEFAULT_ALLOWED_HOSTS = Map.of(
            TEAMS, List.of("webhook.office.com", "logic.azure.com", "environment.api.powerplatform.com"),
            SLACK, List.of("slack.com"),
            SLACK_RESPONSE_URL, List.of("slack.com"));

    static final int MAX_URL_LENGTH = 2000;

    private final OutboundPolicyProperties properties;
    private final boolean httpAllowed;
    private final HostResolver resolver;

    /**
     * @param httpAllowed whether plain {@code http} is allowed (the {@code local} profile)
     */
    public OutboundPolicy(OutboundPolicyProperties properties, boolean httpAllowed, HostResolver resolver) {
        this.properties = properties;
        this.httpAllowed = httpAllowed;
        this.resolver = resolver;
    }

    /**
     * Checks a URL a person is saving, without resolving it (what a name resolves to may change; the
     * check before each call is the one that counts).
     *
     * @throws DestinationRefusedException why not
     */
    public URI checkSaved(String channel, String url) {
        URI uri = parse(url);
        checkStatic(channel, uri, false);
        return uri;
    }

    /**
     * Checks a URL before a call: resolves its host once and checks every address.
     *
     * @throws DestinationRefusedException why not
     */
    public Destination vet(String channel, URI uri) {
        String host = checkStatic(channel, uri, properties.allowLoopback());
        List<InetAddress> addresses = literal(host).map(List::of).orElseGet(() -> resolve(host));
        if (addresses.isEmpty()) {
            throw new DestinationRefusedException(Reason.UNRESOLVED);
        }
        for (InetAddress address : addresses) {
            check(address, properties.allowLoopback());
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new Destination(uri, host, port, addresses);
    }

    /** The channel's host suffixes; empty = every public host. */
    public List<String> allowedHosts(String channel) {
        List<String> configured = properties.allowedHosts().get(channel);
        List<String> hosts = configured != null ? configured : DEFAULT_ALLOWED_HOSTS.getOrDefault(channel, List.of());
        return hosts.stream()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(HostLiterals::normalize)
                .toList();
    }

    /**
     * Reads a URL from outside (a request body) without checking anything else; {@link #vet} checks it.
     *
     * @throws DestinationRefusedException when it is not a URL or too long
     */
    public static URI parse(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new DestinationRefusedException(Reason.INVALID);
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException ex) {
            throw new DestinationRefusedException(Reason.INVALID);
        }
    }

    /**
     * Scheme, shape, names, addresses as written, then allowed hosts (in that order, so that a person
     * is told the most telling reason).
     *
     * @return the normalized host
     */
    private String checkStatic(String channel, URI uri, boolean loopbackAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || (scheme.equals("http") && httpAllowed))) {
            throw new DestinationRefusedException(Reason.SCHEME);
        }
        if (!uri.isAbsolute() || uri.getRawUserInfo() != null || uri.toString().length() > MAX_URL_LENGTH) {
            throw new DestinationRefusedException(Reason.INVALID);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw unreadableHost(uri);
        }
        String host = HostLiterals.normalize(uri.getHost());
        boolean localName =
                host.equals("localhost") || host.endsWith(".localhost") || host.equals("localhost.localdomain");
        if (localName && !loopbackAllowed) {
            throw new DestinationRefusedException(Reason.LOCAL_NAME, AddressClass.LOOPBACK);
        }
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            check(literal.get(), loopbackAllowed);
        }
        List<String> allowed = allowedHosts(channel);
        if (!allowed.isEmpty()
                && allowed.stream().noneMatch(suffix -> host.equals(suffix) || host.endsWith("." + suffix))) {
            throw new DestinationRefusedException(Reason.HOST_NOT_ALLOWED);
        }
        return host;
    }

    private static void check(InetAddress address, boolean loopbackAllowed) {
        Optional<AddressClass> forbidden = AddressClass.of(address);
        if (forbidden.isPresent() && !(forbidden.get() == AddressClass.LOOPBACK && loopbackAllowed)) {
            throw new DestinationRefusedException(Reason.ADDRESS, forbidden.get());
        }
    }

    /**
     * java.net.URI leaves the host null for spellings it cannot read ({@code 127.1}, {@code 0x7f.1},
     * {@code 2130706433}): such a URL is refused either way, as an inside address when it spells one.
     */
    private static DestinationRefusedException unreadableHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority != null && !authority.contains("@")) {
            String host = HostLiterals.normalize(authority.replaceFirst(":[0-9]*$", ""));
            try {
                Optional<AddressClass> forbidden = HostLiterals.address(host).flatMap(AddressClass::of);
                if (forbidden.isPresent()) {
                    return new DestinationRefusedException(Reason.ADDRESS, forbidden.get());
                }
            } catch (IllegalArgumentException notAnAddress) {
                // refused as unreadable below
            }
        }
        return new DestinationRefusedException(Reason.INVALID);
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return HostLiterals.address(host);
        } catch (IllegalArgumentException ex) {
            throw new DestinationRefusedException(Reason.INVALID);
        }
    }

    private List<InetAddress> resolve(String host) {
        try {
            return new ArrayList<>(resolver.resolve(host));
        } catch (UnknownHostException ex) {
            throw new DestinationRefusedException(Reason.UNRESOLVED);
        }
    }
}
