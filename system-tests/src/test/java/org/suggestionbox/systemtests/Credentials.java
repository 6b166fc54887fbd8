package org.suggestionbox.systemtests;

import java.util.Map;

/**
 * How a persona signs in to one service: the request headers (an {@code Authorization} header, or a
 * {@code Cookie} with a signed-in session) that go with every request the authorization matrix sends.
 * The audience is the service's name ({@code suggestion-intake}, {@code suggestion-router},
 * {@code feedback-notifier}), so an OpenID Connect implementation can hand out a token issued for that
 * service only. {@link Persona#NOBODY} never gets here.
 */
interface Credentials {

    Map<String, String> headers(String person, String audience);
}
