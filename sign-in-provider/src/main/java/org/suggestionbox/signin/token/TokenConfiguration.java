package org.suggestionbox.signin.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.suggestionbox.signin.SignInProperties;
import org.suggestionbox.signin.people.DemoPeople;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(DemoPeople people, SignInProperties properties) {
        return new TokenClaims(people, properties);
    }

    @Bean
    UserInfoClaims userInfoClaims(DemoPeople people) {
        return new UserInfoClaims(people);
    }
}
