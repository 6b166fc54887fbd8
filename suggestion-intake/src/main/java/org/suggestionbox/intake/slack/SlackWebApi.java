package org.suggestionbox.intake.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.suggestionbox.platform.outbound.AddressClass;
import org.suggestionbox.platform.outbound.DestinationRefusedException;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundPolicyProperties;

/**
 * The Slack SDK's client for the Web API ({@code users.info}, {@code views.open}), held to the outbound destination
 * policy under the channel {@link OutboundPolicy#SLACK}, as the notifier's Slack calls and intake's answers to
 * response URLs are:
 * <ul>
 * <li>at start-up the base URL ({@value #BASE_URL_PROPERTY}) is checked as a saved URL is, without resolving it:
 * {@code https} outside {@code local}, a host on the {@code slack} allowed hosts, no inside address spelled in it
 * (a loopback stand-in passes with {@code allow-loopback} only). A refused one stops intake, naming the setting;</li>
 * <li>every request goes to that base URL's scheme, host and port, and nowhere else;</li>
 * <li>the client resolves names through the policy ({@link OutboundPolicy#vet}), which refuses a name unless every
 * address it has is public, and connects to exactly the addresses it checked: a name that points inside, or comes
 * to point inside later, is refused before any connection. (OkHttp resolves no address literal; the only one it
 * could meet is the base URL's, checked at start-up.)</li>
 * <li>no proxy, no redirects (the SDK's own default, kept), the policy's connect and response time-outs, and the
 * whole call cut off after the two together.</li>
 * </ul>
 * Sending the two calls through {@code OutboundClient} instead would mean redoing the SDK's form encoding and the
 * parsing of its answers. Connections are pooled as OkHttp does: a pooled connection stays on the address that was
 * checked when it was opened.
 */
final class SlackWebApi {

    static final String BASE_URL_PROPERTY = "suggestionbox.intake.slack.api-base-url";

    private SlackWebApi() {}

    /**
     * @throws IllegalStateException naming {@value #BASE_URL_PROPERTY} when the policy refuses the base URL
     */
    static Slack connect(String apiBaseUrl, OutboundPolicy policy, OutboundPolicyProperties outbound) {
        URI base = checked(apiBaseUrl, policy, outbound);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBaseUrl);
        config.setPrettyResponseLoggingEnabled(false);
        config.setProxyUrl(null);
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new OnlyTheWebApi(HttpUrl.get(base.toString())))
                .dns(new PolicyDns(policy, base.getScheme()))
                .connectTimeout(outbound.connectTimeout())
                .readTimeout(outbound.responseTimeout())
                .writeTimeout(outbound.responseTimeout())
                .callTimeout(outbound.connectTimeout().plus(outbound.responseTimeout()))
                .build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    private static URI checked(String apiBaseUrl, OutboundPolicy policy, OutboundPolicyProperties outbound) {
        try {
            try {
                return policy.checkSaved(OutboundPolicy.SLACK, apiBaseUrl);
            } catch (DestinationRefusedException refused) {
                if (refused.addressClass() != AddressClass.LOOPBACK || !outbound.allowLoopback()) {
                    throw refused;
                }
                // a loopback stand-in the operator let in (tests, the local stack): checked as before a call
                return policy.vet(OutboundPolicy.SLACK, OutboundPolicy.parse(apiBaseUrl))
                        .uri();
            }
        } catch (DestinationRefusedException refused) {
            throw new IllegalStateException(BASE_URL_PROPERTY + " (SLACK_API_BASE_URL) is refused by the outbound "
                    + "destination policy: " + refused.getMessage() + hint(refused.reason()));
        }
    }

    private static String hint(DestinationRefusedException.Reason reason) {
        return switch (reason) {
            case SCHEME -> "; use https (plain http only under the local profile or suggestionbox.outbound.allow-http)";
            case HOST_NOT_ALLOWED -> "; add its host to suggestionbox.outbound.allowed-hosts.slack";
            default -> "";
        };
    }

    /** Lets requests go to the Web API's scheme, host and port only. */
    private record OnlyTheWebApi(HttpUrl base) implements Interceptor {

        @Override
        public Response intercept(Chain chain) throws IOException {
            HttpUrl url = chain.request().url();
            if (!(url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port())) {
                throw new IOException("The Slack client calls its Web API (" + BASE_URL_PROPERTY
                        + ") only; another destination was refused");
            }
            return chain.proceed(chain.request());
        }
    }

    /** Resolves a name through the destination policy: the addresses it checked, or none. */
    private record PolicyDns(OutboundPolicy policy, String scheme) implements Dns {

        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            try {
                return policy.vet(OutboundPolicy.SLACK, new URI(scheme, hostname, "/", null))
                        .addresses();
            } catch (DestinationRefusedException | URISyntaxException refused) {
                UnknownHostException unknown = new UnknownHostException(
                        "Slack Web API host refused by the outbound destination policy: " + refused.getMessage());
                unknown.initCause(refused);
                throw unknown;
            }
        }
    }
}
