package org.suggestionbox.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every phase of the benchmark measures with: HTTP/1.1, as browsers and chat servers call. */
final class Http {

    private Http() {}

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
