package org.suggestionbox.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** HTTP Basic with the demo password: the {@code local} profile's sign-in for every service and audience. */
final class BasicCredentials implements Credentials {

    @Override
    public Map<String, String> headers(String person, String audience) {
        String pair = person + ":demo";
        return Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
