package org.suggestionbox.platform.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes outbound calls through the {@link OutboundPolicy}: the URL is vetted (its name resolved
 * once, every address checked), and the connection goes to those very addresses: the client's
 * resolver answers with them, so a name that resolves elsewhere a moment later (DNS rebinding)
 * changes nothing, while TLS still checks the certificate against the host name and sends it as SNI.
 * No redirect is followed (a 3xx is just the answer), and at most {@code max-response-size} bytes of
 * an answer are read. The whole call, from connecting to the answer's last byte, is cut off after
 * {@code connect-timeout} plus {@code response-timeout}: a server that sends its answer a byte at a
 * time cannot hold the caller (a Kafka listener's thread) longer than that.
 * <p>
 * Each call has its own connection: the services make few outbound calls, and a pooled connection
 * would outlive the check that allowed it.
 */
public final class OutboundClient {

    private final OutboundPolicy policy;
    private final OutboundPolicyProperties properties;
    private final Lookup<TlsSocketStrategy> tls;

    public OutboundClient(OutboundPolicy policy, OutboundPolicyProperties properties) {
        this.policy = policy;
        this.properties = properties;
        this.tls = RegistryBuilder.<TlsSocketStrategy>create()
                .register("https", DefaultClientTlsStrategy.createDefault())
                .build();
    }

    /** The same client with other time-outs, for a service that sets its own. */
    public OutboundClient withTimeouts(Duration connectTimeout, Duration responseTimeout) {
        return new OutboundClient(
                policy,
                new OutboundPolicyProperties(
                        properties.allowHttp(),
                        properties.allowLoopback(),
                        properties.allowedHosts(),
                        connectTimeout,
                        responseTimeout,
                        properties.maxResponseSize()));
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * POSTs the body to the URL if the policy allows it.
     *
     * @throws DestinationRefusedException before any connection, when the policy refuses the URL
     * @throws IOException when the call fails (its message may name the host, never the whole URL)
     */
    public OutboundResponse post(
            String channel, URI uri, ContentType contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        return post(policy.vet(channel, uri), contentType, body, headers);
    }

    /** POSTs to a destination the policy vetted. */
    public OutboundResponse post(
            Destination destination, ContentType contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        HttpPost request = new HttpPost(destination.uri());
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, contentType));
        Duration deadline = properties.connectTimeout().plus(properties.responseTimeout());
        AtomicBoolean late = new AtomicBoolean();
        CompletableFuture<Void> cutOff = CompletableFuture.runAsync(
                () -> {
                    late.set(true);
                    request.cancel();
                },
                CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS));
        try (CloseableHttpClient client = client(destination.addresses())) {
            return client.execute(request, response -> read(request, response));
        } catch (IOException ex) {
            if (late.get()) {
                throw new SocketTimeoutException(
                        destination.uri().getHost() + " gave no whole answer within " + deadline.toMillis() + " ms");
            }
            throw ex;
        } finally {
            cutOff.cancel(false);
        }
    }

    private OutboundResponse read(HttpPost request, ClassicHttpResponse response) throws IOException {
        int limit = (int)
                Math.min(Integer.MAX_VALUE - 1, properties.maxResponseSize().toBytes());
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new OutboundResponse(response.getCode(), new byte[0], false);
        }
        InputStream content = entity.getContent();
        byte[] read = content.readNBytes(limit + 1);
        if (read.length <= limit) {
            return new OutboundResponse(response.getCode(), read, false);
        }
        // the rest stays unread: the connection is dropped instead of drained
        request.cancel();
        return new OutboundResponse(response.getCode(), Arrays.copyOf(read, limit), true);
    }

    private CloseableHttpClient client(List<InetAddress> vetted) {
        InetAddress[] addresses = vetted.toArray(InetAddress[]::new);
        DnsResolver checkedOnly = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return addresses.clone();
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) {
                return vetted.stream()
                        .map(address -> new InetSocketAddress(address, port))
                        .toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return host;
            }
        };
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, checkedOnly, tls, ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                .build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }
}
