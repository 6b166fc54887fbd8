package org.suggestionbox.platform.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL's host the way resolvers and browsers do, so that no spelling of an address slips past
 * the checks: IPv6 in brackets, and IPv4 in every form {@code inet_aton} takes ({@code 127.1},
 * {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}).
 */
final class HostLiterals {

    private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

    private HostLiterals() {}

    /** The host in lower case without a trailing dot or brackets. */
    static String normalize(String host) {
        String normalized = host.toLowerCase(Locale.ROOT);
        if (normalized.startsWith("[") && normalized.endsWith("]")) {
            return normalized.substring(1, normalized.length() - 1);
        }
        while (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /**
     * @param host a normalized host
     * @return the address the host spells, empty for a name
     */
    static Optional<InetAddress> address(String host) {
        if (host.contains(":")) {
            return Optional.of(ipv6(host));
        }
        return ipv4(host);
    }

    /** An IPv6 literal; kept as an IPv6 address even when it is IPv4-mapped (which Java would turn into IPv4). */
    private static InetAddress ipv6(String host) {
        if (!host.matches("[0-9a-f:.%]+") || host.contains("%")) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
        try {
            InetAddress parsed = InetAddress.getByName("[" + host + "]"); // a literal: no lookup
            if (parsed instanceof Inet6Address) {
                return parsed;
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an IPv6 address", ex);
        }
    }

    private static Optional<InetAddress> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!IPV4_PART.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
            values[i] = part(parts[i]);
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] < 0 || values[i] > 0xff) {
                throw new IllegalArgumentException("not an IPv4 address");
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        int lastBytes = 4 - (values.length - 1);
        if (last < 0 || last >= (1L << (8 * lastBytes))) {
            throw new IllegalArgumentException("not an IPv4 address");
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an IPv4 address", ex);
        }
    }

    private static long part(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }
}
