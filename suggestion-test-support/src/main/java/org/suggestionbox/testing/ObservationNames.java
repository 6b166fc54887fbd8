package org.suggestionbox.testing;

import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Records the name of every observation an application's registry is asked to make, enabled or not: each is put
 * to the registry's predicates, and this one is asked first, since the registry stops at the first that says no.
 * Import it into a {@code @SpringBootTest}, {@link #clear()} before the requests and read {@link #asked()} after.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ObservationNames {

    private static final Set<String> ASKED = ConcurrentHashMap.newKeySet();

    /** Forgets the names recorded so far. */
    public static void clear() {
        ASKED.clear();
    }

    /** The names recorded since the last {@link #clear()}. */
    public static Set<String> asked() {
        return Set.copyOf(ASKED);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ObservationPredicate recordEveryObservationName() {
        return (name, context) -> {
            ASKED.add(name);
            return true;
        };
    }
}
