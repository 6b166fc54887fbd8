package org.suggestionbox.platform.outbound;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The destination policy refused a URL. The message names the reason, never the URL (Teams and
 * webhook URLs carry secrets); {@link #messageKey()} is the key of a text a person can be shown.
 */
public class DestinationRefusedException extends RuntimeException {

    /** Why a URL was refused. */
    public enum Reason {
        /** Not an absolute URL with a host, or user information in it, or too long. */
        INVALID,
        /** {@code http} outside the {@code local} profile, or not {@code http(s)} at all. */
        SCHEME,
        /** The host is not on the channel's list of allowed hosts. */
        HOST_NOT_ALLOWED,
        /** {@code localhost} and its sub-domains. */
        LOCAL_NAME,
        /** The host is, or resolves to, an address of an {@link AddressClass}. */
        ADDRESS,
        /** The name does not resolve. */
        UNRESOLVED
    }

    private final Reason reason;
    private final @Nullable AddressClass addressClass;

    DestinationRefusedException(Reason reason, @Nullable AddressClass addressClass) {
        super(
                addressClass == null
                        ? "Outbound destination refused: " + reason
                        : "Outbound destination refused: " + reason + " (" + addressClass + ")");
        this.reason = reason;
        this.addressClass = addressClass;
    }

    DestinationRefusedException(Reason reason) {
        this(reason, null);
    }

    public Reason reason() {
        return reason;
    }

    public @Nullable AddressClass addressClass() {
        return addressClass;
    }

    /** {@code outbound.refused.scheme}, {@code outbound.refused.address}, ... */
    public String messageKey() {
        String name = reason == Reason.LOCAL_NAME
                ? "address"
                : reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return "outbound.refused." + name;
    }
}
