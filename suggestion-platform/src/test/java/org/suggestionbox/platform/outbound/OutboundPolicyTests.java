package org.suggestionbox.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import org.suggestionbox.platform.outbound.DestinationRefusedException.Reason;

/** No test here touches the network: names resolve through a stub. */
class OutboundPolicyTests {

    private static final HostResolver STUB = host -> switch (host) {
        case "evil.example" -> List.of(address("10.0.0.5"));
        case "mixed.example" -> List.of(address("93.184.216.34"), address("192.168.1.10"));
        case "mapped.example" ->
            List.of(java.net.Inet6Address.getByAddress(
                    null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1}, -1));
        case "public.example", "hooks.slack.com", "acme.webhook.office.com" -> List.of(address("93.184.216.34"));
        case "loopback.example" -> List.of(address("127.0.0.1"));
        default -> throw new UnknownHostException(host);
    };

    private final OutboundPolicy production = new OutboundPolicy(OutboundPolicyProperties.defaults(), false, STUB);
    private final OutboundPolicy local = new OutboundPolicy(OutboundPolicyProperties.defaults(), true, STUB);

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.0.1, PRIVATE",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456::1, UNIQUE_LOCAL",
        "255.255.255.255, BROADCAST",
        "240.0.0.1, RESERVED",
        "192.0.2.1, RESERVED",
        "198.18.0.1, RESERVED",
        "2001:db8::1, RESERVED",
        "64:ff9b::a00:1, IPV4_EMBEDDED",
        "2002:a00:1::1, IPV4_EMBEDDED"
    })
    void everyAddressThatIsNotPublicHasItsClass(String text, AddressClass expected) {
        assertThat(AddressClass.of(HostLiterals.address(text).orElseThrow())).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "8.8.8.8"})
    void publicAddressesHaveNoClass(String text) {
        assertThat(AddressClass.of(HostLiterals.address(text).orElseThrow())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:8.8.8.8", "::ffff:10.0.0.1", "::127.0.0.1"})
    void ipv4MappedAndCompatibleIpv6AddressesAreRefusedWhateverTheyCarry(String text) {
        assertThat(AddressClass.of(HostLiterals.address(text).orElseThrow())).contains(AddressClass.IPV4_EMBEDDED);
    }

    @ParameterizedTest
    @CsvSource({
        "127.1, 127.0.0.1",
        "2130706433, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "10.1, 10.0.0.1",
        "0, 0.0.0.0",
        "192.168.257, 192.168.1.1",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254"
    })
    void everySpellingOfAnIpv4AddressIsReadAsTheAddress(String host, String address) {
        assertThat(HostLiterals.address(host)).contains(address(address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9/x",
                "http://localhost:9/x",
                "http://[::1]:9/x",
                "http://127.1:9/x",
                "http://0.0.0.0:9/x",
                "http://2130706433/",
                "http://0x7f.1/",
                "http://0177.0.0.1/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/",
                "http://LOCALHOST./x",
                "http://a.localhost/x",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/x",
                "http://[fd00::1]/x",
                "http://[fe80::1]/x",
                "http://100.64.0.1/x",
                "http://224.0.0.1/x",
                "http://127.0.0.1.:9/x"
            })
    void urlsThatPointInsideAreRefusedWhenSaved(String url) {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> local.checkSaved(OutboundPolicy.WEBHOOK, url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.1:9/x",
                "http://2130706433/",
                "http://0x7f.1/",
                "http://0.0.0.0:9/x",
                "http://[::1]:9/x"
            })
    void anAddressSpelledInAnyWayIsRefusedAsAnInsideAddressEvenOnAnotherChannelsAllowedHosts(String url) {
        OutboundPolicy teamsOnLoopback =
                new OutboundPolicy(properties(true, Map.of("teams", List.of("127.0.0.1"))), true, STUB);

        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> teamsOnLoopback.checkSaved(OutboundPolicy.TEAMS, url))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.ADDRESS));
    }

    @Test
    void loopbackIsRefusedWhenSavedEvenWhereTheOperatorAllowsLoopbackCalls() {
        OutboundPolicy allowingLoopback = new OutboundPolicy(properties(true, Map.of()), true, STUB);

        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> allowingLoopback.checkSaved(OutboundPolicy.WEBHOOK, "http://127.0.0.1:9/x"))
                .satisfies(refused -> assertThat(refused.addressClass()).isEqualTo(AddressClass.LOOPBACK));
        assertThat(allowingLoopback
                        .vet(OutboundPolicy.WEBHOOK, URI.create("http://127.0.0.1:9/x"))
                        .addresses())
                .containsExactly(address("127.0.0.1"));
    }

    @Test
    void localhostIsCalledOnlyWhereTheOperatorAllowsLoopbackAndThenOnlyOnItsLoopbackAddresses() {
        HostResolver localhost = host -> List.of(address("127.0.0.1"), address("::1"));
        OutboundPolicy allowingLoopback = new OutboundPolicy(properties(true, Map.of()), true, localhost);
        OutboundPolicy notAllowing = new OutboundPolicy(properties(false, Map.of()), true, localhost);
        OutboundPolicy lying =
                new OutboundPolicy(properties(true, Map.of()), true, host -> List.of(address("10.0.0.1")));

        assertThat(allowingLoopback
                        .vet(OutboundPolicy.WEBHOOK, URI.create("http://localhost:8080/x"))
                        .addresses())
                .hasSize(2);
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> notAllowing.vet(OutboundPolicy.WEBHOOK, URI.create("http://localhost:8080/x")));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> lying.vet(OutboundPolicy.WEBHOOK, URI.create("http://localhost:8080/x")));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> allowingLoopback.checkSaved(OutboundPolicy.WEBHOOK, "http://localhost:8080/x"));
    }

    @Test
    void allowingLoopbackAllowsNothingElseInside() {
        OutboundPolicy allowingLoopback = new OutboundPolicy(properties(true, Map.of()), true, STUB);

        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> allowingLoopback.vet(OutboundPolicy.WEBHOOK, URI.create("http://10.0.0.1/x")));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(
                        () -> allowingLoopback.vet(OutboundPolicy.WEBHOOK, URI.create("http://[::ffff:127.0.0.1]/x")))
                .satisfies(refused -> assertThat(refused.addressClass()).isEqualTo(AddressClass.IPV4_EMBEDDED));
    }

    @Test
    void aNameThatResolvesInsideIsRefusedAtCallTime() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(OutboundPolicy.WEBHOOK, URI.create("https://evil.example/hook")))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.ADDRESS);
                    assertThat(refused.addressClass()).isEqualTo(AddressClass.PRIVATE);
                    assertThat(refused.getMessage()).doesNotContain("evil.example");
                });
    }

    @Test
    void oneInsideAddressAmongPublicOnesIsEnoughToRefuse() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(OutboundPolicy.WEBHOOK, URI.create("https://mixed.example/hook")));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(OutboundPolicy.WEBHOOK, URI.create("https://mapped.example/hook")));
    }

    @Test
    void loopbackByNameIsRefusedAtCallTimeUnlessTheOperatorAllowsIt() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> local.vet(OutboundPolicy.WEBHOOK, URI.create("http://loopback.example/hook")));
        OutboundPolicy allowingLoopback = new OutboundPolicy(properties(true, Map.of()), true, STUB);
        assertThat(allowingLoopback.vet(OutboundPolicy.WEBHOOK, URI.create("http://loopback.example:8080/hook")))
                .satisfies(destination -> {
                    assertThat(destination.addresses()).containsExactly(address("127.0.0.1"));
                    assertThat(destination.key()).isEqualTo("loopback.example:8080");
                });
    }

    @Test
    void aPublicNameIsVettedWithTheAddressesItResolvedTo() {
        Destination destination = production.vet(OutboundPolicy.WEBHOOK, URI.create("https://public.example/hook"));

        assertThat(destination.addresses()).containsExactly(address("93.184.216.34"));
        assertThat(destination.key()).isEqualTo("public.example:443");
    }

    @Test
    void theNameIsResolvedOnceAndTheCheckedAddressesAreTheOnesKept() {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host ->
                lookups.getAndIncrement() == 0 ? List.of(address("93.184.216.34")) : List.of(address("127.0.0.1"));
        OutboundPolicy policy = new OutboundPolicy(OutboundPolicyProperties.defaults(), false, rebinding);

        Destination destination = policy.vet(OutboundPolicy.WEBHOOK, URI.create("https://rebind.example/hook"));

        assertThat(lookups).hasValue(1);
        assertThat(destination.addresses()).containsExactly(address("93.184.216.34"));
    }

    @Test
    void anUnresolvableNameIsRefused() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(OutboundPolicy.WEBHOOK, URI.create("https://nowhere.example/")))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.UNRESOLVED));
    }

    @Test
    void plainHttpIsRefusedOutsideTheLocalProfile() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(OutboundPolicy.WEBHOOK, "http://public.example/hook"))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.SCHEME));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(OutboundPolicy.WEBHOOK, URI.create("http://public.example/hook")));
        assertThat(local.checkSaved(OutboundPolicy.WEBHOOK, "http://public.example/hook"))
                .hasHost("public.example");
        assertThat(production.checkSaved(OutboundPolicy.WEBHOOK, "https://public.example/hook"))
                .hasHost("public.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://public.example/x",
                "file:///etc/passwd",
                "gopher://public.example/",
                "/relative",
                "https://user:secret@public.example/x",
                "https://",
                "not a url",
                "javascript:alert(1)"
            })
    void otherSchemesAndShapesAreRefused(String url) {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> local.checkSaved(OutboundPolicy.WEBHOOK, url));
    }

    @Test
    void aTooLongUrlIsRefused() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(
                        OutboundPolicy.WEBHOOK, "https://public.example/" + "a".repeat(OutboundPolicy.MAX_URL_LENGTH)));
    }

    @Test
    void teamsGoesOnlyToMicrosoftsWebhookAndWorkflowsHostsByDefault() {
        assertThat(production.checkSaved(OutboundPolicy.TEAMS, "https://acme.webhook.office.com/webhookb2/x"))
                .isNotNull();
        assertThat(production.checkSaved(
                        OutboundPolicy.TEAMS,
                        "https://prod-23.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke"))
                .isNotNull();
        assertThat(production.checkSaved(
                        OutboundPolicy.TEAMS,
                        "https://default1234.56.environment.api.powerplatform.com/powerautomate/automations/direct/x"))
                .isNotNull();
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(OutboundPolicy.TEAMS, "https://public.example/hook"))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(
                        () -> production.checkSaved(OutboundPolicy.TEAMS, "https://webhook.office.com.evil.example/x"));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(OutboundPolicy.TEAMS, "https://evilwebhook.office.com/x"));
    }

    @Test
    void slacksResponseUrlGoesOnlyToSlack() {
        assertThat(production
                        .vet(OutboundPolicy.SLACK_RESPONSE_URL, URI.create("https://hooks.slack.com/commands/T1/2/3"))
                        .host())
                .isEqualTo("hooks.slack.com");
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.vet(
                        OutboundPolicy.SLACK_RESPONSE_URL, URI.create("https://public.example/commands/T1/2/3")));
    }

    @Test
    void webhooksHaveNoDefaultListAndEveryChannelsListCanBeConfigured() {
        assertThat(production.allowedHosts(OutboundPolicy.WEBHOOK)).isEmpty();
        OutboundPolicy configured = new OutboundPolicy(
                properties(false, Map.of("webhook", List.of(" Receivers.Example "), "teams", List.of())), false, STUB);

        assertThat(configured.allowedHosts(OutboundPolicy.WEBHOOK)).containsExactly("receivers.example");
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> configured.checkSaved(OutboundPolicy.WEBHOOK, "https://public.example/hook"));
        assertThat(configured.checkSaved(OutboundPolicy.WEBHOOK, "https://a.receivers.example/hook"))
                .isNotNull();
        assertThat(configured.checkSaved(OutboundPolicy.TEAMS, "https://public.example/hook"))
                .isNotNull();
    }

    @Test
    void refusalsNameAMessageKeyForPeople() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(OutboundPolicy.WEBHOOK, "https://localhost/x"))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("outbound.refused.address"));
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> production.checkSaved(OutboundPolicy.TEAMS, "https://public.example/x"))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("outbound.refused.host-not-allowed"));
    }

    static OutboundPolicyProperties properties(boolean allowLoopback, Map<String, List<String>> allowedHosts) {
        return new OutboundPolicyProperties(
                null,
                allowLoopback,
                allowedHosts,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                DataSize.ofKilobytes(64));
    }

    static InetAddress address(String literal) {
        return HostLiterals.address(literal).orElseThrow();
    }
}
