package org.suggestionbox.signin.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.suggestionbox.signin.SignInProperties;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleConfiguration.class);

    @Bean
    DemoPeople demoPeople(SignInProperties properties, JsonMapper json) {
        DemoPeople people = DemoPeople.read(properties.peopleLocation(), json);
        LOG.info("{} people may sign in (directory {})", people.all().size(), properties.peopleLocation());
        return people;
    }

    /** bcrypt by default; client secrets and the demo password are hashed with it at start. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(DemoPeople people, SignInProperties properties, PasswordEncoder encoder) {
        String passwordHash = encoder.encode(properties.demoPassword());
        return name -> people.bySignInName(name)
                .map(person -> User.withUsername(person.id())
                        .password(passwordHash)
                        .roles(person.roles().toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such person in the directory"));
    }
}
