package org.suggestionbox.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.suggestionbox.platform.directory.Directory;

/**
 * Signs directory people in with the demo password, under the {@code local} profile only: production
 * signs people in with the company's OpenID Connect provider. The password is kept encoded.
 */
class DirectoryUserDetailsService implements UserDetailsService {

    private final Directory directory;
    private final String passwordHash;

    DirectoryUserDetailsService(Directory directory, PasswordEncoder encoder, String demoPassword) {
        this.directory = directory;
        // checked by the same encoder, which the local profile's authentication manager is given
        this.passwordHash = encoder.encode(demoPassword);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory
                .find(username)
                .map(person -> new DirectoryUser(person, passwordHash))
                .orElseThrow(() -> new UsernameNotFoundException("Not in the directory"));
    }
}
