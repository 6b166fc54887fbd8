package org.suggestionbox.signin.logout;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.suggestionbox.signin.SignInProperties;
import org.suggestionbox.signin.clients.ConfiguredClients;

@Configuration(proxyBeanMethods = false)
class LogoutConfiguration {

    @Bean
    BackChannelLogoutSuccessHandler backChannelLogoutSuccessHandler(
            ConfiguredClients clients, JWKSource<SecurityContext> jwkSource, SignInProperties properties) {
        return new BackChannelLogoutSuccessHandler(
                new BackChannelLogout(clients, new NimbusJwtEncoder(jwkSource), properties.backChannelLogoutTimeout()));
    }
}
