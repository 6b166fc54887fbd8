package org.suggestionbox.signin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SignInProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignInProviderApplication.class, args);
    }
}
