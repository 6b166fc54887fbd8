package org.suggestionbox.bare;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nothing of ours: {@code GET /actuator/health/liveness} and a {@code POST /api/ideas} that reads the JSON body into
 * a map and answers {@code 202}. With {@code --spring.profiles.active=plain} Spring Security is left out; with
 * {@code security} a filter chain permitting every request stands in front, as the services have theirs.
 */
@SpringBootApplication
public class BareBoot {

    public static void main(String[] args) {
        SpringApplication.run(BareBoot.class, args);
    }

    @RestController
    static class Ideas {

        @PostMapping("/api/ideas")
        ResponseEntity<Map<String, Object>> submit(@RequestBody Map<String, Object> idea) {
            return ResponseEntity.accepted().body(Map.of("title", String.valueOf(idea.get("title"))));
        }
    }

    @Configuration
    @org.springframework.context.annotation.Profile("security")
    static class Security {

        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }
}
