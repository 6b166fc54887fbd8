package org.suggestionbox.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The kinds of address an outbound call must not reach: everything that is not a public unicast
 * address of the internet.
 */
public enum AddressClass {
    /** 127.0.0.0/8, ::1 */
    LOOPBACK,
    /** 169.254.0.0/16, fe80::/10 */
    LINK_LOCAL,
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fec0::/10 (deprecated site-local) */
    PRIVATE,
    /** 100.64.0.0/10, carrier-grade NAT */
    SHARED,
    /** 224.0.0.0/4, ff00::/8 */
    MULTICAST,
    /** 0.0.0.0/8 ("this network"), :: */
    UNSPECIFIED,
    /** fc00::/7 */
    UNIQUE_LOCAL,
    /** ::ffff:0:0/96 and the other IPv6 forms that carry an IPv4 address (NAT64, 6to4, IPv4-compatible, Teredo) */
    IPV4_EMBEDDED,
    /** 255.255.255.255 */
    BROADCAST,
    /** 240.0.0.0/4, 192.0.0.0/24, 198.18.0.0/15, the documentation ranges (IPv4 and 2001:db8::/32) */
    RESERVED;

    /** @return the class that forbids the address, empty for a public unicast address */
    public static Optional<AddressClass> of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return ofIpv6(bytes);
        }
        return Optional.of(RESERVED);
    }

    private static Optional<AddressClass> ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 127) {
            return Optional.of(LOOPBACK);
        }
        if (a0 == 0) {
            return Optional.of(UNSPECIFIED);
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of(PRIVATE);
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(LINK_LOCAL);
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of(SHARED);
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return Optional.of(BROADCAST);
        }
        if ((a0 & 0xf0) == 224) {
            return Optional.of(MULTICAST);
        }
        if ((a0 & 0xf0) == 240
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of(RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<AddressClass> ofIpv6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean firstTwelveZero = firstTenZero && b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            boolean upperZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (upperZero && b[15] == 0) {
                return Optional.of(UNSPECIFIED);
            }
            if (upperZero && b[15] == 1) {
                return Optional.of(LOOPBACK);
            }
            return Optional.of(IPV4_EMBEDDED); // ::a.b.c.d, IPv4-compatible (deprecated)
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(IPV4_EMBEDDED); // ::ffff:a.b.c.d, whatever the IPv4 address
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return Optional.of(MULTICAST);
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of(LINK_LOCAL);
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of(PRIVATE);
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of(UNIQUE_LOCAL);
        }
        if ((first == 0x00
                        && second == 0x64
                        && (b[2] & 0xff) == 0xff
                        && (b[3] & 0xff) == 0x9b) // 64:ff9b::/96, 64:ff9b:1::/48
                || (first == 0x20 && second == 0x02) // 2002::/16, 6to4
                || (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0)) { // 2001::/32, Teredo
            return Optional.of(IPV4_EMBEDDED);
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of(RESERVED);
        }
        if ((first & 0xe0) != 0x20) {
            return Optional.of(RESERVED); // only 2000::/3 is global unicast
        }
        return Optional.empty();
    }
}
