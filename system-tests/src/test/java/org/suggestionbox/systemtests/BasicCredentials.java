package org.suggestionbox.systemtests;

import java.util.Map;
import org.suggestionbox.testing.DemoPassword;

/** HTTP Basic with the demo password: the {@code local} profile's sign-in for every service and audience. */
final class BasicCredentials implements Credentials {

    @Override
    public Map<String, String> headers(String person, String audience) {
        return Map.of("Authorization", DemoPassword.basicAuthorization(person));
    }
}
