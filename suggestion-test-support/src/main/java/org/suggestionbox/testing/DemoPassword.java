package org.suggestionbox.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code local} profile's demo password, which every demo person shares, and the HTTP Basic {@code Authorization}
 * it makes: the tests' and {@code curl}'s way in under that profile, refused in production.
 */
public final class DemoPassword {

    public static final String VALUE = "demo";

    private DemoPassword() {}

    /** The {@code Authorization} header's value for {@code person} with the demo password. */
    public static String basicAuthorization(String person) {
        return "Basic " + Base64.getEncoder().encodeToString((person + ":" + VALUE).getBytes(StandardCharsets.UTF_8));
    }
}
